using KineticsPrep.Annotate;
using KineticsPrep.Catalog;
using KineticsPrep.Download;
using KineticsPrep.Resize;

namespace KineticsPrep.Pipeline;

public sealed record PrepareOptions(DatasetVersion Version, string Root)
{
    public IReadOnlyList<string> Splits { get; init; } = DatasetCatalog.DefaultSplits;

    public Mirror Mirror { get; init; } = Mirror.Cvdf;

    public Shard Shard { get; init; } = Shard.Whole;

    public bool KeepOriginals { get; init; }

    public bool KeepArchives { get; init; }

    /// <summary>Start even when the expected peak disk use is above the free space.</summary>
    public bool Force { get; init; }

    /// <summary>Archives downloaded at once, ahead of the one being extracted and resized.</summary>
    public int DownloadJobs { get; init; } = 2;

    public DownloadOptions Download { get; init; } = new();

    public ResizeOptions Resize { get; init; } = new();

    public ListFormat ListFormat { get; init; } = ListFormat.VideoMae;

    public string ResizedFolder => Path.Combine(Root, $"videos_{Resize.ShortSide}p");

    public string ListsFolder => Path.Combine(Root, "lists");
}
