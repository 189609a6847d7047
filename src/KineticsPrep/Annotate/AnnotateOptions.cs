using KineticsPrep.Dataset;
namespace KineticsPrep.Annotate;

public sealed record AnnotateOptions(string Annotations, string Videos, string Out)
{
    /// <summary>A built-in label map's name, or a map file, to use instead of the sorted train labels.</summary>
    public string? Labels { get; init; }

    /// <summary>A folder of CVDF replacement clips; by default a folder named "replacement" under the videos.</summary>
    public string? Replacement { get; init; }

    /// <summary>Write paths relative to this folder instead of absolute ones.</summary>
    public string? RelativeTo { get; init; }

    public ListFormat Format { get; init; } = ListFormat.Default;

    /// <summary>Report malformed CSV rows and go on, instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Open every found clip with ffprobe and leave out the unreadable ones.</summary>
    public bool Check { get; init; }

    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// YouTube ids to leave out of every list (--exclude-overlap-with: those of another release's split), each split's
    /// left-out clips written to excluded_&lt;split&gt;.txt; null: none.
    /// </summary>
    public IReadOnlySet<string>? ExcludeIds { get; init; }

    /// <summary>The dataset root whose state stores hold the clips' hashes: with it, manifest.csv.gz and manifest.json
    /// are written beside the lists; null: none.</summary>
    public DatasetRoot? ManifestRoot { get; init; }

    /// <summary>The release whose published row counts the CSVs are checked against (<see cref="CutShort"/>); null: none.</summary>
    public DatasetVersion? Release { get; init; }

    /// <summary>Only some classes, or some clips of each (--classes, --max-per-class); null: all.</summary>
    public ClassSubset? Subset { get; init; }
}
