namespace KineticsPrep.Download;

/// <summary>What a release consists of on its mirror: annotation CSVs and archives (read from the list files).</summary>
public sealed record DownloadPlan(IReadOnlyList<DownloadItem> Annotations, IReadOnlyList<DownloadItem> Archives, IReadOnlyList<string> Failures);
