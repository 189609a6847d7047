using KineticsPrep.Errors;

namespace KineticsPrep.Dataset;

/// <summary>
/// A release's class names, known before anything is downloaded (its mmaction2 label map, built in), to check the
/// names a user gives <c>--classes</c>: a typo is caught before it costs a download and leaves an empty subset.
/// </summary>
public static class ReleaseClasses
{
    private const int Suggestions = 3;

    /// <summary>Why <paramref name="names"/> are not all classes of <paramref name="release"/>, with the closest names;
    /// null when they are (as the CSVs write them, or under a known rename).</summary>
    public static string? Problem(string release, IEnumerable<string> names)
    {
        if (!LabelMap.BuiltIn.Contains($"mmaction2-{ReleaseMap(release)}"))
            return null;
        var map = LabelMap.Load($"mmaction2-{ReleaseMap(release)}");
        var unknown = names.Where(name => map.IdOf(name) is null && LabelAliases.Of(name).All(alias => map.IdOf(alias) is null)).ToList();
        if (unknown.Count == 0)
            return null;
        var details = unknown.Select(name => $"'{name}'" + (Closest(name, map.Names) is { Count: > 0 } near
            ? $" (did you mean {string.Join(", ", near.Select(n => $"'{n}'"))}?)"
            : ""));
        return $"--classes: {string.Join("; ", details)} {(unknown.Count == 1 ? "is not a class" : "are not classes")} of {release} " +
               "(its class names are as its annotation CSVs write them). Nothing was downloaded.";
    }

    // K700-2020 keeps K700's classes, some renamed (LabelAliases knows them).
    private static string ReleaseMap(string release) => release == "k700-2020" ? "k700" : release;

    /// <summary>The names nearest to <paramref name="name"/> by edit distance, case ignored: at most a third of it away.</summary>
    private static List<string> Closest(string name, IReadOnlyList<string> names)
    {
        var lower = name.ToLowerInvariant();
        return names.Select(n => (Name: n, Distance: EditDistance.Between(lower, n.ToLowerInvariant())))
            .Where(n => n.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(n => n.Distance).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(Suggestions).Select(n => n.Name).ToList();
    }
}
