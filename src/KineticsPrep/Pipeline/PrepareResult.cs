using KineticsPrep.Annotate;

namespace KineticsPrep.Pipeline;

/// <summary>What a run sets out to do: this shard's archives, those not done yet, and the disk it should need.</summary>
public sealed record PrepareStart(IReadOnlyList<Download.DownloadItem> Archives, IReadOnlyList<Download.DownloadItem> Remaining, DiskEstimate Estimate);

public sealed record PrepareProgress(int Archives, int ArchivesDone, int ClipsDone, int ClipsFailed, long BytesDownloaded, string Current);

/// <summary>
/// What a prepare run (or shard) did. <see cref="Failures"/> lists everything that went wrong, one line each;
/// <see cref="Lists"/> is set when the lists were written (an unsharded run, or --finalize).
/// </summary>
public sealed record PrepareResult(int Archives, int ArchivesProcessed, IReadOnlyList<string> Failures, AnnotateReport? Lists);

/// <summary>The run should not start: not enough disk, or shards not finished before --finalize.</summary>
public sealed class PrepareRefusedException(string message) : Exception(message);
