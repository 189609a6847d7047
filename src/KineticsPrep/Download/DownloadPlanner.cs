using KineticsPrep.Dataset;

namespace KineticsPrep.Download;

/// <summary>
/// Reads the per-split list files and maps every URL to the mirror and to its place under the root. With
/// <paramref name="classes"/>, a release whose archives are per class (K600) plans only those classes' archives.
/// </summary>
public sealed class DownloadPlanner(FileDownloader downloader, Mirror mirror, IReadOnlySet<string>? classes = null)
{
    /// <exception cref="MirrorUnreachableException">The mirror is not there at all (checked once, before anything else).</exception>
    public async Task<DownloadPlan> PlanAsync(DatasetVersion version, IReadOnlyList<string> splits, DatasetRoot layout, CancellationToken cancellationToken)
    {
        if (splits.Count > 0)
            await downloader.CheckReachableAsync(
                [mirror.Map(version.AnnotationUrl(splits[0])), .. splits.Where(s => version.Split(s).HasArchives).Take(1).Select(s => mirror.Map(version.ListUrl(s)))],
                mirror.Address, cancellationToken);
        var annotations = new List<DownloadItem>();
        var archives = new List<DownloadItem>();
        var failures = new List<string>();
        foreach (var split in splits)
        {
            annotations.Add(new DownloadItem(mirror.Map(version.AnnotationUrl(split)), layout.AnnotationFile(split), split) { IsAnnotation = true });
            if (!version.Split(split).HasArchives)
                continue;
            try
            {
                var listUrl = mirror.Map(version.ListUrl(split));
                var list = await downloader.FetchTextAsync(listUrl, cancellationToken);
                if (list.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
                    throw new EmptyListException($"{listUrl} names no archive (an empty list): check --mirror, or fetch the list again.");
                // A line repeated, or one file spelled two ways, is one download: two would collide on its partial file.
                archives.AddRange(Archives(list, split, mirror.Map(version.BaseUrl), layout, failures)
                    .Where(a => classes is null || !version.ArchivesPerClass || classes.Contains(ArchiveFiles.Stem(Path.GetFileName(a.Target))))
                    .DistinctBy(a => a.Target));
            }
            catch (DownloadFailedException e)
            {
                failures.Add($"list of {split} archives: {e.Message}");
            }
        }
        if (version.ReplacementUrl is { } replacement && splits.Contains("train"))
            archives.Add(new DownloadItem(mirror.Map(replacement), Path.Combine(layout.ArchivesOf(DatasetCatalog.ReplacementSplit), version.ReplacementArchive!), DatasetCatalog.ReplacementSplit));
        return new DownloadPlan(annotations, archives, failures);
    }

    /// <summary>The archives a list file names; lines that point outside the release or at no plain file are refused.</summary>
    private IEnumerable<DownloadItem> Archives(string list, string split, string baseUrl, DatasetRoot root, List<string> failures)
    {
        var lines = list.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var url = ListedUrl.Normalise(mirror.Map(line));
            var (name, problem) = ListedUrl.Check(url, baseUrl);
            if (name is null)
                failures.Add($"{split} list, line {i + 1}: refused '{line}': {problem}; nothing was fetched for it");
            else
                yield return new DownloadItem(url, Path.Combine(root.ArchivesOf(split), name), split);
        }
    }
}
