namespace KineticsPrep.Dataset;

/// <summary>
/// A subset of a release, to save disk and time: only some classes (<c>--classes</c>), and at most N clips of each
/// class per split (<c>--max-per-class</c>), the first N by clip name, so the choice is the same on every run and shard.
/// Ids stay those of the full label map: a model trained on the subset keeps the checkpoint's class order.
/// </summary>
/// <param name="Classes">The class names kept, as the CSVs write them; null: every class.</param>
public sealed record ClassSubset(IReadOnlySet<string>? Classes, int? MaxPerClass)
{
    /// <summary>"abseiling,pull ups", or a file with a name per line.</summary>
    public static IReadOnlySet<string> ParseClasses(string text) =>
        (File.Exists(text) ? File.ReadAllLines(text) : text.Split(','))
        .Select(name => name.Trim())
        .Where(name => name.Length > 0)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The rows of one split that the subset keeps, in their order.</summary>
    public IReadOnlyList<AnnotationRow> Choose(IReadOnlyList<AnnotationRow> rows)
    {
        var inClasses = rows.Where(r => Classes is null || (r.Label is { } label && Classes.Contains(label))).ToList();
        if (MaxPerClass is not { } max)
            return inClasses;
        var chosen = inClasses.GroupBy(r => r.Label ?? "")
            .SelectMany(g => g.OrderBy(r => r.ClipName, StringComparer.Ordinal).Take(max))
            .ToHashSet();
        return inClasses.Where(chosen.Contains).ToList();
    }

    /// <summary>"--classes abseiling,pull ups --max-per-class 50", for records and messages.</summary>
    public override string ToString() =>
        string.Join(" ", new[]
        {
            Classes is null ? null : "--classes " + string.Join(",", Classes.Order(StringComparer.Ordinal)),
            MaxPerClass is { } max ? $"--max-per-class {max}" : null,
        }.OfType<string>());
}
