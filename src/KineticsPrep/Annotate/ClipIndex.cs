using System.IO.Enumeration;
using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>
/// Every clip file under a videos folder, by clip name (file name without extension), whatever the layout: flat,
/// per split or per class. Clips in a replacement set take precedence over the originals they replace. Each file is
/// kept as its name and the place (folder and extension) it shares with its neighbours, never as a path: a root's
/// 300k paths would outlive the index as garbage the size of everything else annotate holds.
/// </summary>
public sealed class ClipIndex
{
    public const string ReplacementFolderName = "replacement";

    private readonly Dictionary<string, Found> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Found> _replacements = new(StringComparer.Ordinal);
    private readonly List<(string Folder, string Extension)> _places = [];
    private readonly Dictionary<(int Place, bool NamedById), ClipFolder> _folders = [];

    private readonly record struct Found(int Place, int Rank);

    /// <summary>A clip's folder (its file named by the name looked up), and whether it came from the replacement set.</summary>
    internal readonly record struct Match(ClipFolder Folder, bool IsReplacement);

    /// <param name="videos">Searched recursively; files under a folder named "replacement" count as replacements.</param>
    /// <param name="replacement">Another folder of replacement clips, or null.</param>
    public static ClipIndex Build(string videos, string? replacement)
    {
        var index = new ClipIndex();
        index.Add(videos, treatAllAsReplacement: false);
        if (replacement is not null)
            index.Add(replacement, treatAllAsReplacement: true);
        return index;
    }

    /// <summary>The clip named <paramref name="clipName"/>; <paramref name="namedById"/>: the name is a bare YouTube id.</summary>
    internal Match? Find(string clipName, bool namedById) =>
        _replacements.TryGetValue(clipName, out var replacement) ? new Match(FolderOf(replacement, namedById), true)
        : _originals.TryGetValue(clipName, out var original) ? new Match(FolderOf(original, namedById), false)
        : null;

    private ClipFolder FolderOf(Found found, bool namedById)
    {
        if (!_folders.TryGetValue((found.Place, namedById), out var folder))
        {
            var (path, extension) = _places[found.Place];
            _folders[(found.Place, namedById)] = folder = new ClipFolder(path, extension, namedById);
        }
        return folder;
    }

    private void Add(string folder, bool treatAllAsReplacement)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var files = new FileSystemEnumerable<(string Name, int Place, int Rank, bool IsReplacement)>(root, (ref entry) =>
        {
            var rank = VideoFiles.Rank(entry.FileName);
            if (rank < 0)
                return default;
            var isReplacement = treatAllAsReplacement || InReplacementFolder(entry.Directory[Math.Min(root.Length, entry.Directory.Length)..]);
            return (Path.GetFileNameWithoutExtension(entry.FileName).ToString(), PlaceOf(entry.Directory, Path.GetExtension(entry.FileName)), rank, isReplacement);
        }, options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
        };
        foreach (var (name, place, rank, isReplacement) in files)
        {
            if (name is null)
                continue;
            var target = isReplacement ? _replacements : _originals;
            if (!target.TryGetValue(name, out var existing) || rank < existing.Rank
                || (rank == existing.Rank && string.CompareOrdinal(PathOf(name, place), PathOf(name, existing.Place)) < 0))
                target[name] = new Found(place, rank);
        }
    }

    /// <summary>Whether a folder (below the root searched) is, or is inside, a folder named "replacement".</summary>
    private static bool InReplacementFolder(ReadOnlySpan<char> relative)
    {
        const string marker = "/" + ReplacementFolderName;
        return relative.EndsWith(marker, StringComparison.Ordinal) || relative.Contains(marker + "/", StringComparison.Ordinal);
    }

    /// <summary>The place of a folder and extension; the files of one folder come together, so the last is tried first.</summary>
    private int PlaceOf(ReadOnlySpan<char> folder, ReadOnlySpan<char> extension)
    {
        for (var i = _places.Count - 1; i >= 0; i--)
        {
            if (folder.SequenceEqual(_places[i].Folder) && extension.SequenceEqual(_places[i].Extension))
                return i;
        }
        _places.Add((folder.ToString(), extension.ToString()));
        return _places.Count - 1;
    }

    private string PathOf(string name, int place) => ClipFolder.Join(_places[place].Folder, name, _places[place].Extension);
}
