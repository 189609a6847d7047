namespace KineticsPrep.Dataset;

/// <summary>
/// The layout of a dataset root, the one place that names its folders and files:
/// <c>archives/&lt;split&gt;/</c>, <c>annotations/&lt;split&gt;.csv</c>, <c>videos/&lt;split&gt;/</c>,
/// <c>videos_&lt;S&gt;p/&lt;split&gt;/</c>, <c>lists/</c>, <c>.kinetics-prep/&lt;name&gt;.db</c>, and <c>report.html</c>/<c>report.json</c>.
/// </summary>
public sealed record DatasetRoot
{
    /// <summary>The folder of the state stores, here and under a resize destination.</summary>
    public const string StateFolderName = ".kinetics-prep";

    /// <summary>What annotate writes beside the lists: the class names in id order, and its numbers.</summary>
    public const string LabelsFileName = "labels.txt";
    public const string ListsSummaryFileName = "summary.json";

    public DatasetRoot(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }

    /// <summary>
    /// One release of a root that holds several (Kinetics-710): its archives, annotation files and extracted clips go in
    /// folders of their own (<c>archives/k400/train/</c>, <c>annotations/k400/</c>, <c>videos/k400/train/</c>), while
    /// the resized clips, lists and state are shared.
    /// Null for a root of one release.
    /// </summary>
    public string? Release { get; init; }

    /// <summary>The same root, seen as holding <paramref name="release"/> among others.</summary>
    public DatasetRoot ForRelease(string release) => this with { Release = release };

    public bool Exists => Directory.Exists(Path);

    public void Create() => Directory.CreateDirectory(Path);

    public string Archives => Release is null ? Combine("archives") : Combine("archives", Release);

    public string ArchivesOf(string split) => System.IO.Path.Combine(Archives, split);

    public string Annotations => Release is null ? Combine("annotations") : Combine("annotations", Release);

    /// <summary>Where a split's annotation file is kept, whatever the mirror calls it.</summary>
    public string AnnotationFile(string split) => System.IO.Path.Combine(Annotations, split + ".csv");

    /// <summary>Where a split's clips are extracted; a release of several has its own (two releases hold the same clips).</summary>
    public string VideosOf(string split) => Release is null ? Combine("videos", split) : Combine("videos", Release, split);

    /// <summary>The resized clips at a short side: <c>videos_&lt;S&gt;p</c>.</summary>
    public string Resized(int shortSide) => Combine($"videos_{shortSide}p");

    /// <summary>Every <c>videos_&lt;S&gt;p</c> folder there is, in order.</summary>
    public IReadOnlyList<string> ResizedFolders() =>
        Directory.Exists(Path) ? Directory.GetDirectories(Path, "videos_*p").Order(StringComparer.Ordinal).ToList() : [];

    public string Lists => Combine("lists");

    /// <summary>export rawframes' folders of JPEG frames: <c>rawframes/&lt;split&gt;/&lt;clip&gt;/</c>.</summary>
    public string Rawframes => Combine("rawframes");

    public string StateFolder => Combine(StateFolderName);

    public string StateFile(string name) => Combine(StateFolderName, name + ".db");

    /// <summary>
    /// The dataset root that <paramref name="folder"/> lies in (the nearest folder at or above it with a state store),
    /// or the folder itself when there is none: where a run writing into the folder keeps its record.
    /// </summary>
    public static DatasetRoot Enclosing(string folder)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, StateFolderName, "state.db")))
                return new DatasetRoot(dir.FullName);
        }
        return new DatasetRoot(folder);
    }

    public string ReportHtml => Combine("report.html");

    public string ReportJson => Combine("report.json");

    /// <summary>A path under the root as the state store names it: relative, with '/'.</summary>
    public string Key(string path) =>
        // The common case, a path made under the root by Path.Combine, without GetRelativePath's normalising walk
        // (a root's 300k clips are keyed on every run).
        path.Length > Path.Length + 1 && path.StartsWith(Path, StringComparison.Ordinal) && path[Path.Length] == '/'
        && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\')
            ? path[(Path.Length + 1)..]
            : System.IO.Path.GetRelativePath(Path, path).Replace('\\', '/');

    private string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
