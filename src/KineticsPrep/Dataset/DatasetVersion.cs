namespace KineticsPrep.Dataset;

/// <summary>
/// One Kinetics release in the CVDF layout: <c>&lt;base&gt;/&lt;split&gt;/&lt;prefix&gt;_&lt;split&gt;_path.txt</c> lists the archive
/// URLs of a split, one a line; <c>&lt;base&gt;/annotations/&lt;file&gt;</c> is its annotation CSV.
/// </summary>
public sealed record DatasetVersion(string Name, string BaseUrl, string ListPrefix, IReadOnlyList<CatalogSplit> AllSplits, string? ReplacementArchive)
{
    /// <summary>One archive per class, named after it (K600): a subset of classes downloads only theirs.</summary>
    public bool ArchivesPerClass { get; init; }

    /// <summary>The splits a user can ask for.</summary>
    public IReadOnlyList<string> Splits => AllSplits.Select(s => s.Name).ToList();

    public CatalogSplit Split(string name) => AllSplits.Single(s => s.Name == name);

    public string ListUrl(string split) => $"{BaseUrl}/{split}/{ListPrefix}_{split}_path.txt";

    public string AnnotationUrl(string split) => $"{BaseUrl}/annotations/{Split(split).AnnotationFile}";

    public string? ReplacementUrl => ReplacementArchive is null ? null : $"{BaseUrl}/{ReplacementArchive}";
}
