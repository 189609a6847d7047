using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Resize;

namespace KineticsPrep.Pipeline;

public sealed record PrepareOptions(DatasetVersion Version, DatasetRoot Root)
{
    public IReadOnlyList<string> Splits { get; init; } = DatasetCatalog.DefaultSplits;

    public Mirror Mirror { get; init; } = Mirror.Cvdf;

    public Shard Shard { get; init; } = Shard.Whole;

    public bool KeepOriginals { get; init; }

    public bool KeepArchives { get; init; }

    /// <summary>When the root's clips were made with other output settings, make them again from the kept originals
    /// (instead of refusing).</summary>
    public bool Reencode { get; init; }

    /// <summary>Start even when the expected peak disk use is above the free space.</summary>
    public bool Force { get; init; }

    /// <summary>Archives downloaded at once, ahead of the one being extracted and resized.</summary>
    public int DownloadJobs { get; init; } = 2;

    public DownloadOptions Download { get; init; } = new();

    public ResizeOptions Resize { get; init; } = new();

    public ListFormat ListFormat { get; init; } = ListFormat.Default;

    /// <summary>A built-in label map's name or a map file, as for annotate; null: the sorted train labels.</summary>
    public string? Labels { get; init; }

    /// <summary>
    /// Which clips of an archive to extract and resize, by split and clip file name (a release's share of
    /// Kinetics-710); the others are passed over. Null: every clip.
    /// </summary>
    public Func<string, string, bool>? KeepClip { get; init; }

    /// <summary>Write the lists when the run (or --finalize) ends; off for a release that is one part of a larger set.</summary>
    public bool WriteLists { get; init; } = true;

    /// <summary>The release the root records as its own, for reports: this one's, or the set it is part of ("k710").</summary>
    public string RecordedRelease => PartOf ?? Version.Name;

    /// <summary>The set of releases this one is prepared as a part of ("k710"); null on its own.</summary>
    public string? PartOf { get; init; }

    /// <summary>Only some classes, or some clips of each (--classes, --max-per-class); null: the whole release.</summary>
    public ClassSubset? Subset { get; init; }

    /// <summary>YouTube ids left out altogether, neither resized nor listed (--exclude-overlap-with); null: none.</summary>
    public IReadOnlySet<string>? ExcludeIds { get; init; }

    public bool Keeps(string split, string clipFileName) =>
        (KeepClip?.Invoke(split, clipFileName) ?? true)
        && ExcludeIds?.Contains(ClipNames.Parse(Path.GetFileNameWithoutExtension(clipFileName)).YoutubeId) != true;

    /// <summary>Where a re-encode makes its clips until the root takes them (<see cref="Reencode"/>); null: in place.</summary>
    public string? StagingFolder { get; init; }

    public string ResizedFolder => StagingFolder ?? Root.Resized(Resize.ShortSide);

    /// <summary>Where the resized copy of an extracted clip goes: <c>videos_&lt;S&gt;p/&lt;split&gt;/&lt;name&gt;.mp4</c>.</summary>
    public string ResizedClip(string split, string clipFileName) => ResizedClipIn(Path.Combine(ResizedFolder, split), clipFileName);

    /// <summary>As <see cref="ResizedClip"/>, given the split's folder (for a loop over many clips of one split).</summary>
    public static string ResizedClipIn(string splitFolder, string clipFileName) => Path.Combine(splitFolder, Path.ChangeExtension(clipFileName, ".mp4"));

    public string ListsFolder => Root.Lists;
}
