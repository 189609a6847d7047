using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Download;

/// <summary>
/// Downloads a Kinetics release's archives (from the per-split list files), its annotation CSVs and, for K400, the
/// replacement archive into ROOT/archives/&lt;split&gt;/ and ROOT/annotations/, several files at once. Files already
/// recorded as complete, or already extracted, are skipped.
/// </summary>
public sealed class DownloadRunner(StateStore state, FileDownloader downloader, Mirror mirror, int jobs)
{
    public async Task<DownloadSummary> RunAsync(
        DatasetVersion version, IReadOnlyList<string> splits, string root, IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var step = new DownloadStep(downloader, state, root);
        var plan = await new DownloadPlanner(step.Files, mirror).PlanAsync(version, splits, Path.GetFullPath(root), cancellationToken);
        var failures = new ConcurrentBag<string>(plan.Failures);
        var items = plan.Annotations.Concat(plan.Archives).ToList();
        var pending = items.Where(item => !step.IsDone(item)).ToList();
        int done = 0, failed = 0;
        long bytesDone = 0, bytesKnown = 0;
        void Report() => progress?.Report(new DownloadProgress(pending.Count, Volatile.Read(ref done), Volatile.Read(ref failed),
            Interlocked.Read(ref bytesKnown), Interlocked.Read(ref bytesDone)));
        Report();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (item, token) =>
        {
            var counter = new DelegateProgress<long>(n => { Interlocked.Add(ref bytesDone, n); Report(); });
            var (result, failure) = await step.RunAsync(item, counter, token);
            if (result is not null)
            {
                Interlocked.Add(ref bytesKnown, result.Bytes);
                Interlocked.Increment(ref done);
            }
            else
            {
                failures.Add(failure!);
                Interlocked.Increment(ref failed);
            }
            Report();
        });
        return new DownloadSummary(items.Count, done, items.Count - pending.Count, failures.Order(StringComparer.Ordinal).ToList(), step.Notes);
    }
}
