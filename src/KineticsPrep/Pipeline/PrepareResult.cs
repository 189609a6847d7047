using KineticsPrep.Dataset;

namespace KineticsPrep.Pipeline;

/// <summary>What a run sets out to do: this shard's archives, those not done yet, and the disk it should need.</summary>
public sealed record PrepareStart(
    IReadOnlyList<Download.DownloadItem> Archives, IReadOnlyList<Download.DownloadItem> Remaining, DiskEstimate Estimate, IReadOnlyList<string> Reopened);

/// <summary>
/// Where a prepare run stands: archives done of this shard's (<see cref="ArchivesDoneAtStart"/> of them by earlier
/// runs), clips resized and failed and bytes downloaded by this run, and the archive being extracted.
/// </summary>
public sealed record PrepareProgress(
    int Archives, int ArchivesDoneAtStart, int ArchivesDone, int ClipsDone, int ClipsFailed, long BytesDownloaded, string Current)
{
    public static readonly PrepareProgress None = new(0, 0, 0, 0, 0, 0, "");

    public double ClipsPerSecond(TimeSpan elapsed) => Throughput.PerSecond(ClipsDone + ClipsFailed, elapsed);

    public double BytesPerSecond(TimeSpan elapsed) => Throughput.PerSecond(BytesDownloaded, elapsed);

    /// <summary>From the archives this run has finished; null until it has finished one.</summary>
    public TimeSpan? TimeLeft(TimeSpan elapsed) =>
        Throughput.TimeLeft(ArchivesDone - ArchivesDoneAtStart, Archives - ArchivesDone, elapsed);
}

/// <summary>
/// What a prepare run (or shard) did. <see cref="Failures"/> lists everything that went wrong, one line each;
/// <see cref="Lists"/> is set when the lists were written (an unsharded run, or --finalize); <see cref="Notes"/> says
/// which downloads started over, and why.
/// </summary>
public sealed record PrepareResult(
    int Archives, int ArchivesProcessed, IReadOnlyList<string> Failures, AnnotateReport? Lists, IReadOnlyList<string> Notes);

/// <summary>The run should not start: not enough disk, or shards not finished before --finalize.</summary>
public sealed class PrepareRefusedException(string message) : KineticsPrepException(message, isFatal: true);
