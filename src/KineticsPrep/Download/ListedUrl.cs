using KineticsPrep.Dataset;

namespace KineticsPrep.Download;

/// <summary>
/// A line of a mirror's list file is untrusted input: it is used only when, after the mirror mapping, it lies under
/// the release's base URL (same scheme, host and port, or inside the mirror folder) and names one plain file.
/// </summary>
public static class ListedUrl
{
    /// <param name="url">The line, mapped to the mirror.</param>
    /// <param name="baseUrl">The release's base URL, mapped to the mirror.</param>
    /// <returns>The file name to save it under, or why the line is refused.</returns>
    public static (string? FileName, string? Problem) Check(string url, string baseUrl)
    {
        if (url.Any(char.IsControl) || Uri.UnescapeDataString(url).Any(char.IsControl))
            return (null, "it holds a NUL or another control character");
        if (UnderBase(url, baseUrl) is { } outside)
            return (null, outside);
        var name = Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
        return PlainName.Problem(name) is { } problem ? (null, problem) : (name, null);
    }

    /// <summary>One spelling for one file: "." and ".." segments resolved (an http URL as <see cref="Uri"/> writes it).</summary>
    public static string Normalise(string url) =>
        Mirror.IsHttp(url) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url;

    private static string? UnderBase(string url, string baseUrl)
    {
        const string outside = "it does not lie under the release's base URL";
        if (Mirror.IsHttp(baseUrl))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || !Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root))
                return "it is not a URL";
            // Uri removes "." and ".." segments, so a path that climbs out of the base is caught here.
            return target.Scheme == root.Scheme && target.Authority == root.Authority
                   && target.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal)
                ? null
                : outside;
        }
        if (Mirror.LocalPath(url) is not { } local)
            return outside;
        var folder = Path.GetFullPath(Mirror.LocalPath(baseUrl)!);
        return Path.GetFullPath(local).StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? null
            : outside;
    }
}
