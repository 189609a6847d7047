using KineticsPrep.Running;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Where a prepare run stands: archives done of this shard's (<see cref="ArchivesDoneAtStart"/> of them by earlier
/// runs), clips resized and failed and bytes downloaded by this run, and the archive being extracted.
/// </summary>
public sealed record PrepareProgress(
    int Archives, int ArchivesDoneAtStart, int ArchivesDone, int ClipsDone, int ClipsFailed, long BytesDownloaded, string Current)
{
    public static readonly PrepareProgress None = new(0, 0, 0, 0, 0, 0, "");

    /// <summary>A download waiting to be tried again, while it waits.</summary>
    public RetryNotice? Retry { get; init; }

    public double ClipsPerSecond(TimeSpan elapsed) => Throughput.PerSecond(ClipsDone + ClipsFailed, elapsed);

    public double BytesPerSecond(TimeSpan elapsed) => Throughput.PerSecond(BytesDownloaded, elapsed);

    /// <summary>From the archives this run has finished; null until it has finished one.</summary>
    public TimeSpan? TimeLeft(TimeSpan elapsed) =>
        Throughput.TimeLeft(ArchivesDone - ArchivesDoneAtStart, Archives - ArchivesDone, elapsed);
}
