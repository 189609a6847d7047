using KineticsPrep.Catalog;

namespace KineticsPrep.Download;

/// <summary>What a release consists of on its mirror: annotation CSVs and archives (read from the list files).</summary>
public sealed record DownloadPlan(IReadOnlyList<DownloadItem> Annotations, IReadOnlyList<DownloadItem> Archives, IReadOnlyList<string> Failures);

/// <summary>Reads the per-split list files and maps every URL to the mirror and to its place under the root.</summary>
public sealed class DownloadPlanner(FileDownloader downloader, Mirror mirror)
{
    public async Task<DownloadPlan> PlanAsync(DatasetVersion version, IReadOnlyList<string> splits, string root, CancellationToken cancellationToken)
    {
        var annotations = new List<DownloadItem>();
        var archives = new List<DownloadItem>();
        var failures = new List<string>();
        foreach (var split in splits)
        {
            annotations.Add(new DownloadItem(mirror.Map(version.AnnotationUrl(split)), Path.Combine(root, "annotations", split + ".csv"), split));
            try
            {
                var list = await downloader.FetchTextAsync(mirror.Map(version.ListUrl(split)), cancellationToken);
                archives.AddRange(ArchiveUrls(list).Select(url => new DownloadItem(
                    mirror.Map(url), Path.Combine(root, "archives", split, FileNameOf(url)), split)));
            }
            catch (DownloadFailedException e)
            {
                failures.Add($"list of {split} archives: {e.Message}");
            }
        }
        if (version.ReplacementUrl is { } replacement && splits.Contains("train"))
            archives.Add(new DownloadItem(mirror.Map(replacement), Path.Combine(root, "archives", "replacement", FileNameOf(replacement)), "replacement"));
        return new DownloadPlan(annotations, archives, failures);
    }

    private static IEnumerable<string> ArchiveUrls(string list) =>
        list.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'));

    // K600 archive names contain spaces, raw or escaped: the local name is the unescaped last segment.
    private static string FileNameOf(string url) => Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
}
