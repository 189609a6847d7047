namespace KineticsPrep.Resize;

/// <summary>The result of a resize run. The run succeeded when <see cref="Failures"/> is empty.</summary>
public sealed record ResizeSummary(
    int Found,
    int AlreadyDone,
    int Encoded,
    int Copied,
    IReadOnlyList<ClipOutcome> Failures,
    IReadOnlyList<string> IgnoredDuplicates,
    string? FailureLogPath,
    TimeSpan Elapsed);
