namespace KineticsPrep.Dataset;

/// <summary>
/// A shape of training list: where a split's list goes, how it is written, read back, told apart from the others on
/// disk, and rewritten without some of its clips. Each format is one file under ListFormats/ and registers itself in
/// <see cref="All"/>; nothing else names the formats.
/// </summary>
public abstract class ListFormat
{
    private static readonly List<ListFormat> Registered = [];

    /// <summary>Every format, in the order <c>--format</c>'s help lists them.</summary>
    public static IReadOnlyList<ListFormat> All
    {
        get
        {
            lock (Registered)
                return Registered.OrderBy(f => f.Order).ToList();
        }
    }

    /// <summary>The format named <paramref name="name"/> (or one of its aliases); null when there is none.</summary>
    public static ListFormat? Find(string name) =>
        All.FirstOrDefault(f => f.Name == name || f.Aliases.Contains(name));

    public static ListFormat Default => Find(VideoMaeList.FormatName)!;

    /// <summary>Why a path cannot go in a list (loaders split list lines on whitespace); null when it can.</summary>
    public static string? PathProblem(string path) =>
        path.Any(char.IsWhiteSpace)
            ? $"{path}: the lists name clips by path and the loaders split their lines on whitespace, which this path holds; use a root whose path has none."
            : null;

    /// <summary>Every name <c>--format</c> takes.</summary>
    public static IReadOnlyList<string> Names => All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();

    /// <summary>The format a split's list was written in, told from what the lists folder holds; null when it has none.</summary>
    public static ListFormat? Of(string listsFolder, string split) => All.FirstOrDefault(f => f.Holds(listsFolder, split));

    /// <summary>Called once by each format, from its module initializer.</summary>
    protected static void Register(ListFormat format)
    {
        lock (Registered)
            Registered.Add(format);
    }

    public abstract string Name { get; }

    /// <summary>Other names that codebases know the same list by.</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    public abstract string Description { get; }

    /// <summary>Where it comes in <see cref="All"/>.</summary>
    protected abstract int Order { get; }

    /// <summary>The file or folder the list of <paramref name="split"/> goes to.</summary>
    public abstract string PathFor(string listsFolder, string split);

    /// <summary>Whether the lists folder holds a list of <paramref name="split"/> in this format.</summary>
    public abstract bool Holds(string listsFolder, string split);

    /// <param name="labels">The class names in id order.</param>
    /// <param name="displayPath">The path as written into the list (absolute, or relative to --relative-to).</param>
    /// <exception cref="AnnotationException">The list cannot hold one of the entries (a separator in a path, a class
    /// name that is no folder name).</exception>
    public abstract void Write(string path, IReadOnlyList<ListedClip> entries, IReadOnlyList<string> labels, Func<string, string> displayPath);

    /// <param name="labels">The class names in id order (labels.txt).</param>
    public abstract IReadOnlyList<ListLine> Read(string path, IReadOnlyList<string> labels);

    /// <summary>How many clips the list holds, as <see cref="Read"/> would read them.</summary>
    /// <exception cref="FormatException">A line the format cannot read.</exception>
    public virtual int Count(string path, IReadOnlyList<string> labels) => Read(path, labels).Count;

    /// <summary>The list again, without <paramref name="removed"/>: <paramref name="kept"/> are the lines that stay, as read.</summary>
    public abstract void Rewrite(string path, IReadOnlyList<ListLine> kept, IReadOnlyList<ListLine> removed);

    /// <summary>Whether <paramref name="line"/> names one of <paramref name="paths"/> (full paths).</summary>
    public virtual bool PointsAt(ListLine line, IReadOnlySet<string> paths) => paths.Contains(line.Path);

    public override string ToString() => Name;
}
