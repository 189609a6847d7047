using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Extract;

/// <summary>
/// Extracts every archive under ROOT/archives/&lt;split&gt;/ into ROOT/videos/&lt;split&gt;/, several at once. An archive
/// is marked extracted in the state store only after its last entry, so a re-run skips finished archives and
/// completes a half-done one. The K400 replacement archive goes to ROOT/videos/replacement/.
/// </summary>
public sealed class ExtractRunner(StateStore state, int jobs, bool deleteArchives)
{
    private static readonly string[] ArchiveSuffixes = [".tar.gz", ".tgz", ".tar"];

    /// <summary>The archives under ROOT/archives, in a stable order.</summary>
    public static IReadOnlyList<ArchiveJob> FindArchives(string root)
    {
        var archives = new DatasetRoot(root).Archives;
        if (!Directory.Exists(archives))
            return [];
        return Directory.EnumerateFiles(archives, "*", SearchOption.AllDirectories)
            .Where(path => ArchiveSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(path => JobFor(root, path))
            .ToList();
    }

    public static ArchiveJob JobFor(string root, string archivePath)
    {
        var layout = new DatasetRoot(root);
        var split = DatasetCatalog.Versions.Any(v => v.ReplacementArchive == Path.GetFileName(archivePath))
            ? DatasetCatalog.ReplacementSplit
            : Path.GetFileName(Path.GetDirectoryName(archivePath))!;
        return new ArchiveJob(
            archivePath,
            layout.Key(archivePath),
            split,
            layout.VideosOf(split),
            File.Exists(archivePath) ? new FileInfo(archivePath).Length : 0);
    }

    public async Task<ExtractSummary> RunAsync(string root, IProgress<ExtractProgress>? progress, CancellationToken cancellationToken)
    {
        var archives = FindArchives(root);
        var outcomes = new ConcurrentBag<ExtractOutcome>();
        int done = 0, failed = 0;
        long bytesDone = 0;
        var totalBytes = archives.Sum(a => a.Bytes);
        void Report() => progress?.Report(new ExtractProgress(archives.Count, Volatile.Read(ref done), Volatile.Read(ref failed), totalBytes, Interlocked.Read(ref bytesDone)));
        Report();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
        // Largest first, so the set does not end on one big archive extracting alone.
        await Parallel.ForEachAsync(archives.OrderByDescending(a => a.Bytes), parallel, async (job, token) =>
        {
            var counter = new DelegateProgress<long>(n => { Interlocked.Add(ref bytesDone, n); Report(); });
            var outcome = await ExtractOneAsync(job, counter, token);
            outcomes.Add(outcome);
            Interlocked.Increment(ref outcome.Status == ExtractStatus.Failed ? ref failed : ref done);
            if (outcome.Status == ExtractStatus.AlreadyDone)
                Interlocked.Add(ref bytesDone, job.Bytes);
            Report();
        });
        return new ExtractSummary(outcomes.OrderBy(o => o.Job.Key, StringComparer.Ordinal).ToList());
    }

    private async Task<ExtractOutcome> ExtractOneAsync(ArchiveJob job, IProgress<long> bytes, CancellationToken cancellationToken)
    {
        var outcome = await new ExtractStep(state).RunAsync(job, bytes, cancellationToken);
        if (outcome.Status != ExtractStatus.Failed)
            DeleteIfAsked(job);
        return outcome;
    }

    private void DeleteIfAsked(ArchiveJob job)
    {
        if (deleteArchives && File.Exists(job.ArchivePath))
            File.Delete(job.ArchivePath);
    }
}
