using KineticsPrep.Dataset;
namespace KineticsPrep.Annotate;

/// <summary>
/// Every clip file under a videos folder, by clip name (file name without extension), whatever the layout: flat,
/// per split or per class. Clips in a replacement set take precedence over the originals they replace.
/// </summary>
public sealed class ClipIndex
{
    public const string ReplacementFolderName = "replacement";

    private readonly Dictionary<string, Found> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Found> _replacements = new(StringComparer.Ordinal);

    private readonly record struct Found(string Path, int Rank);

    /// <summary>A clip's file, and whether it came from the replacement set.</summary>
    public readonly record struct Match(string Path, bool IsReplacement);

    /// <param name="videos">Searched recursively; files under a folder named "replacement" count as replacements.</param>
    /// <param name="replacement">Another folder of replacement clips, or null.</param>
    public static ClipIndex Build(string videos, string? replacement)
    {
        var index = new ClipIndex();
        index.Add(Path.GetFullPath(videos), treatAllAsReplacement: false);
        if (replacement is not null)
            index.Add(Path.GetFullPath(replacement), treatAllAsReplacement: true);
        return index;
    }

    public int Count => _originals.Count + _replacements.Count;

    public Match? Find(string clipName) =>
        _replacements.TryGetValue(clipName, out var replacement) ? new Match(replacement.Path, true)
        : _originals.TryGetValue(clipName, out var original) ? new Match(original.Path, false)
        : null;

    private void Add(string root, bool treatAllAsReplacement)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var replacementMarker = Path.DirectorySeparatorChar + ReplacementFolderName + Path.DirectorySeparatorChar;
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var rank = VideoFiles.Rank(path);
            if (rank < 0)
                continue;
            var isReplacement = treatAllAsReplacement
                || path.AsSpan(root.Length).Contains(replacementMarker.AsSpan(), StringComparison.Ordinal);
            var target = isReplacement ? _replacements : _originals;
            var name = Path.GetFileNameWithoutExtension(path);
            if (!target.TryGetValue(name, out var existing) || rank < existing.Rank
                || (rank == existing.Rank && string.CompareOrdinal(path, existing.Path) < 0))
                target[name] = new Found(path, rank);
        }
    }
}
