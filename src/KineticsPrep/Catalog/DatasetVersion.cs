namespace KineticsPrep.Catalog;

/// <summary>
/// One Kinetics release in the CVDF layout: <c>&lt;base&gt;/&lt;split&gt;/&lt;prefix&gt;_&lt;split&gt;_path.txt</c> lists the archive
/// URLs of a split, one a line; <c>&lt;base&gt;/annotations/&lt;split&gt;.csv</c> is its annotation CSV.
/// </summary>
public sealed record DatasetVersion(string Name, string BaseUrl, string ListPrefix, IReadOnlyList<string> Splits, string? ReplacementArchive)
{
    public string ListUrl(string split) => $"{BaseUrl}/{split}/{ListPrefix}_{split}_path.txt";

    public string AnnotationUrl(string split) => $"{BaseUrl}/annotations/{split}.csv";

    public string? ReplacementUrl => ReplacementArchive is null ? null : $"{BaseUrl}/{ReplacementArchive}";
}
