namespace KineticsPrep.Resize;

/// <summary>
/// Where a resize run stands. <see cref="Pending"/> clips are the ones this run works on (found minus already done);
/// bytes are source bytes, which track the work better than clip counts.
/// </summary>
public sealed record ResizeProgress(
    int Found,
    int AlreadyDone,
    int Pending,
    int Finished,
    int Failed,
    long PendingBytes,
    long FinishedBytes);
