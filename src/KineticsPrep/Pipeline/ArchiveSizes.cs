using System.Collections.Concurrent;
using KineticsPrep.Download;
using KineticsPrep.Running;

namespace KineticsPrep.Pipeline;

/// <summary>The sizes of archives to fetch, for the disk estimate and the plan: on disk when there, else the server's
/// (HEAD, eight at once); 0 when unknown.</summary>
internal static class ArchiveSizes
{
    public static async Task<IReadOnlyList<long>> OfAsync(IReadOnlyList<DownloadItem> archives, FileDownloader files, CancellationToken cancellationToken)
    {
        var sizes = new ConcurrentBag<long>();
        await StageRunner.ForEachAsync(archives, 8, async (item, token) =>
            sizes.Add(File.Exists(item.Target) ? new FileInfo(item.Target).Length : await files.SizeAsync(item.Url, token) ?? 0),
            cancellationToken);
        return sizes.ToList();
    }
}
