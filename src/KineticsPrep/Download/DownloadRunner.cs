using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Download;

/// <summary>One file to fetch: its (mirrored) URL, where it goes, and its split.</summary>
public sealed record DownloadItem(string Url, string Target, string Split)
{
    /// <summary>Its name in the state store: the target's path relative to the dataset root, with '/'.</summary>
    public string Key(string root) => Path.GetRelativePath(root, Target).Replace('\\', '/');

    /// <summary>What the state store keeps of it once it arrived whole.</summary>
    public DownloadRecord Record(string root, FileDownloader.Result result) =>
        new(Key(root), Url, Split, result.Bytes, result.Sha256, result.ETag);
}

public sealed record DownloadProgress(int Files, int Done, int Failed, long BytesKnown, long BytesDone);

/// <summary>What a download run did; <see cref="Notes"/> says which files started over, and why.</summary>
public sealed record DownloadSummary(int Files, int Downloaded, int AlreadyDone, IReadOnlyList<string> Failures, IReadOnlyList<string> Notes);

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
        var fullRoot = Path.GetFullPath(root);
        var notes = new ConcurrentQueue<string>();
        var files = downloader.WithState(state, new DelegateProgress<string>(notes.Enqueue));
        var plan = await new DownloadPlanner(files, mirror).PlanAsync(version, splits, fullRoot, cancellationToken);
        var failures = new ConcurrentBag<string>(plan.Failures);
        var items = plan.Annotations.Concat(plan.Archives).ToList();
        var pending = items.Where(item => !IsDone(state, fullRoot, item)).ToList();
        int done = 0, failed = 0;
        long bytesDone = 0, bytesKnown = 0;
        void Report() => progress?.Report(new DownloadProgress(pending.Count, Volatile.Read(ref done), Volatile.Read(ref failed),
            Interlocked.Read(ref bytesKnown), Interlocked.Read(ref bytesDone)));
        Report();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pending, parallel, async (item, token) =>
        {
            try
            {
                var counter = new DelegateProgress<long>(n => { Interlocked.Add(ref bytesDone, n); Report(); });
                var result = await files.DownloadAsync(item.Url, item.Target, counter, token);
                state.RecordDownload(item.Record(fullRoot, result));
                Interlocked.Add(ref bytesKnown, result.Bytes);
                Interlocked.Increment(ref done);
            }
            catch (DownloadFailedException e)
            {
                failures.Add(e.Message);
                state.RecordFailure(item.Key(fullRoot), "download", e.Message);
                Interlocked.Increment(ref failed);
            }
            Report();
        });
        return new DownloadSummary(items.Count, done, items.Count - pending.Count, failures.Order(StringComparer.Ordinal).ToList(), notes.ToList());
    }

    /// <summary>Recorded as complete and still there at that size, or already extracted (and maybe deleted).</summary>
    public static bool IsDone(StateStore state, string root, DownloadItem item)
    {
        var key = item.Key(root);
        if (state.IsExtracted(key))
            return true;
        return state.FindDownload(key) is { } record && File.Exists(item.Target) && new FileInfo(item.Target).Length == record.Bytes;
    }
}
