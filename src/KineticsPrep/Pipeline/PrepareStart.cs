namespace KineticsPrep.Pipeline;

/// <summary>What a run sets out to do: this shard's archives, those not done yet, and the disk it should need.</summary>
public sealed record PrepareStart(
    IReadOnlyList<Download.DownloadItem> Archives, IReadOnlyList<Download.DownloadItem> Remaining, DiskEstimate Estimate, IReadOnlyList<string> Reopened)
{
    /// <summary>The settings that changed, when this run makes the root's clips again with new ones (--reencode).</summary>
    public IReadOnlyList<State.SettingChange> Reencoding { get; init; } = [];

    /// <summary>The clips the remaining archives should hold, from the annotation rows (for the time left); null when unknown.</summary>
    public int? ExpectedClips { get; init; }
}
