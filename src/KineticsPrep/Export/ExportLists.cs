using KineticsPrep.Dataset;

namespace KineticsPrep.Export;

/// <summary>What an export reads: a root's labels and training lists, and the clips they name.</summary>
internal sealed class ExportLists
{
    /// <summary>A list line whose clip is there, and its file.</summary>
    public sealed record Clip(ListLine Line, FileInfo File);

    private readonly DatasetRoot _root;

    private ExportLists(DatasetRoot root, IReadOnlyList<string> labels, IReadOnlyList<(string Split, ListFormat Format)> lists)
    {
        _root = root;
        Labels = labels;
        Lists = lists;
        Version = ListsVersion.Of(root.Lists) ?? "";
    }

    /// <summary>The class names in id order (labels.txt).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The lists' version as opened (<see cref="ListsVersion"/>), which the export records as what it was made from.</summary>
    public string Version { get; }

    /// <summary>The lists to export, in split order.</summary>
    public IReadOnlyList<(string Split, ListFormat Format)> Lists { get; }

    /// <param name="splits">The splits asked for; null for every split that has a list.</param>
    /// <exception cref="ExportException">No lists, or no labels.txt beside them, or a split asked for without a list.</exception>
    public static ExportLists Open(DatasetRoot root, IReadOnlyList<string>? splits)
    {
        var labels = ListReader.Labels(root.Lists);
        if (labels.Count == 0)
            throw new ExportException($"{Path.Combine(root.Lists, DatasetRoot.LabelsFileName)} not found: run prepare or annotate first.");
        var written = ListReader.Written(root.Lists);
        if (written.Count == 0)
            throw new ExportException($"{root.Lists} holds no training lists: run prepare or annotate first.");
        var unlisted = splits?.Where(split => written.All(w => w.Split != split)).ToList() ?? [];
        if (unlisted.Count > 0)
            throw new ExportException($"{root.Lists} has no list for {string.Join(", ", unlisted.Select(s => $"'{s}'"))}; it has {string.Join(", ", written.Select(w => w.Split))}.");
        return new ExportLists(root, labels, written.Where(w => splits?.Contains(w.Split) ?? true).ToList());
    }

    /// <summary>The split's list lines whose clips are there, in list order; a clip that is gone, or a label id that
    /// labels.txt does not have, is a failure.</summary>
    public IReadOnlyList<Clip> Clips(string split, ListFormat format, List<ExportFailure> failures)
    {
        var clips = new List<Clip>();
        foreach (var line in ListReader.Read(_root.Lists, split, format, Labels))
        {
            var clip = new FileInfo(Path.Combine(_root.Path, line.Path));
            if (!clip.Exists)
                // A list written with --relative-to names clips relative to another folder than the root: say where we looked.
                failures.Add(new ExportFailure(split, line.Path, Path.IsPathRooted(line.Path) ? "clip not found" : $"clip not found at {clip.FullName}"));
            else if (line.LabelId < 0 || line.LabelId >= Labels.Count)
                failures.Add(new ExportFailure(split, line.Path, $"label id {line.LabelId} is not in labels.txt"));
            else
                clips.Add(new Clip(line, clip));
        }
        return clips;
    }

    /// <summary>lists/index.csv by split and path, when there is one; a clip listed twice has one row per listing.</summary>
    public Dictionary<(string Split, string Path), ClipFacts> Index()
    {
        var index = new Dictionary<(string, string), ClipFacts>();
        if (File.Exists(Path.Combine(_root.Lists, ClipIndexFile.FileName)))
        {
            foreach (var clip in ClipIndexFile.Read(_root.Lists))
                index.TryAdd((clip.Split, clip.Path), clip);
        }
        return index;
    }
}
