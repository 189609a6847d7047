namespace KineticsPrep.Dataset;

/// <summary>
/// Where the CVDF tree is read from: the real hosts, another HTTP server with the same tree, or a local folder.
/// <see cref="Map"/> replaces the CVDF prefix in every URL, including those read from list files.
/// </summary>
public sealed record Mirror(string? Prefix)
{
    public static readonly Mirror Cvdf = new((string?)null);

    /// <summary>Where the tree is read from: the prefix given, else the CVDF's.</summary>
    public string Address => Prefix ?? DatasetCatalog.CvdfPrefix;

    public string Map(string url) =>
        Prefix is { } prefix && url.StartsWith(DatasetCatalog.CvdfPrefix, StringComparison.Ordinal)
            ? prefix.TrimEnd('/') + url[DatasetCatalog.CvdfPrefix.Length..]
            : url;

    /// <summary>
    /// A local path for file: URLs and plain paths, or null for HTTP(S). A mirror folder is read the way an HTTP server
    /// reads its tree: the URL is unescaped, so <c>pull%20ups.tar.gz</c> is the file <c>pull ups.tar.gz</c>.
    /// </summary>
    public static string? LocalPath(string url) =>
        url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(new Uri(url).AbsolutePath)
        : IsHttp(url) ? null
        : Uri.UnescapeDataString(url);

    public static bool IsHttp(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
