using System.Runtime.CompilerServices;

namespace KineticsPrep.Dataset;

/// <summary>A symlink tree <c>split/class name/clip</c>, like torchvision's Kinetics layout.</summary>
public sealed class FoldersList : ListFormat
{
    /// <summary>The class folder of clips without a label (the test split).</summary>
    public const string UnlabelledFolder = "_unlabelled";

    [ModuleInitializer]
    internal static void Add() => Register(new FoldersList());

    public override string Name => "folders";

    public override string Description => "a symlink tree split/class/clip (torchvision's layout)";

    protected override int Order => 4;

    public override string PathFor(string listsFolder, string split) => Path.Combine(listsFolder, split);

    public override bool Holds(string listsFolder, string split) => Directory.Exists(PathFor(listsFolder, split));

    public override void Write(string path, IReadOnlyList<ListedClip> entries, IReadOnlyList<string> labels, Func<string, string> displayPath)
    {
        foreach (var entry in entries)
        {
            var className = entry.LabelId >= 0 ? labels[entry.LabelId].Replace('/', '_') : UnlabelledFolder;
            if (PlainName.Problem(className) is { } problem)
                throw new AnnotationException($"class name '{labels[entry.LabelId]}' cannot be a folder of the folders format: {problem}");
            var link = Path.Combine(path, className, Path.GetFileName(entry.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget is not null)
                File.Delete(link);
            var target = displayPath(entry.Path);
            // A relative list path is relative to --relative-to; a link target must be relative to the link itself.
            File.CreateSymbolicLink(link, Path.IsPathRooted(target) ? target : Path.GetRelativePath(Path.GetDirectoryName(link)!, entry.Path));
        }
    }

    /// <summary>The link's target is the path, its folder the class.</summary>
    public override IReadOnlyList<ListLine> Read(string path, IReadOnlyList<string> labels)
    {
        var ids = labels.Select((name, id) => (Folder: name.Replace('/', '_'), id)).ToDictionary(c => c.Folder, c => c.id);
        return Directory.GetDirectories(path).Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(link => new ListLine(
                new FileInfo(link).LinkTarget ?? link,
                ids.GetValueOrDefault(Path.GetFileName(folder), -1),
                link)))
            .ToList();
    }

    public override void Rewrite(string path, IReadOnlyList<ListLine> kept, IReadOnlyList<ListLine> removed)
    {
        foreach (var link in removed)
            File.Delete(link.Text);
    }

    /// <summary>A link's target may be written relative to the link itself.</summary>
    public override bool PointsAt(ListLine line, IReadOnlySet<string> paths) =>
        base.PointsAt(line, paths) || paths.Contains(Path.GetFullPath(line.Path, Path.GetDirectoryName(line.Text)!));
}
