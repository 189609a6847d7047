namespace KineticsPrep.Pipeline;

/// <summary>What a run sets out to do: this shard's archives, those not done yet, and the disk it should need.</summary>
public sealed record PrepareStart(
    IReadOnlyList<Download.DownloadItem> Archives, IReadOnlyList<Download.DownloadItem> Remaining, DiskEstimate Estimate, IReadOnlyList<string> Reopened);
