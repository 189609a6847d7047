using KineticsPrep.Dataset;

namespace KineticsPrep.Download;

/// <summary>One file to fetch: its (mirrored) URL, where it goes, and its split.</summary>
public sealed record DownloadItem(string Url, string Target, string Split)
{
    /// <summary>Its name in the state store: the target's path relative to the dataset root, with '/'.</summary>
    public string Key(DatasetRoot root) => root.Key(Target);
}
