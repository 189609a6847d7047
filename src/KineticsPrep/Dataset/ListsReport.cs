namespace KineticsPrep.Dataset;

/// <summary>What one split's list holds against its CSV.</summary>
public sealed record SplitReport(
    string Split,
    int CsvRows,
    int Found,
    int Missing,
    int Replaced,
    int Corrupt,
    IReadOnlyList<ClassCount> FewestClips);

public sealed record ClassCount(string Label, int Clips);

/// <summary>A clip that exists but ffprobe could not read (with --check).</summary>
public sealed record CorruptClip(string Split, string Path, string Reason);

/// <summary>The outcome of an annotate run; written as report.json.</summary>
public sealed record AnnotateReport(
    IReadOnlyList<SplitReport> Splits,
    int Classes,
    IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<CorruptClip> Corrupt);
