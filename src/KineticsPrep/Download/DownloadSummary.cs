namespace KineticsPrep.Download;

/// <summary>What a download run did; <see cref="Notes"/> says which files started over, and why.</summary>
public sealed record DownloadSummary(int Files, int Downloaded, int AlreadyDone, IReadOnlyList<string> Failures, IReadOnlyList<string> Notes);
