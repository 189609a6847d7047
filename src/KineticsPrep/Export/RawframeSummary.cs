namespace KineticsPrep.Export;

/// <summary>What export rawframes did: per split, its list; how many clips were written and kept; the disk estimate
/// made before starting (null when nothing was left to write); and the clips that failed.</summary>
public sealed record RawframeSummary(
    IReadOnlyList<RawframeSummary.SplitList> Splits, int Written, int Kept, RawframeEstimate? Estimate, IReadOnlyList<ExportFailure> Failures)
{
    /// <summary>A split's rawframe list: its clips and their frames.</summary>
    public sealed record SplitList(string Split, int Clips, long Frames, string Path);
}
