using KineticsPrep.Dataset;

namespace KineticsPrep.Download;

/// <summary>One file to fetch: its (mirrored) URL, where it goes, and its split.</summary>
public sealed record DownloadItem(string Url, string Target, string Split)
{
    /// <summary>Its name in the state store: the target's path relative to the dataset root, with '/'.</summary>
    public string Key(DatasetRoot root) => root.Key(Target);

    /// <summary>An annotation CSV: kept only when it is one (<see cref="AnnotationCsv.Foreign"/>), else fetched again next time.</summary>
    public bool IsAnnotation { get; init; }
}
