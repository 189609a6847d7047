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

/// <summary>A CSV class name that the label map has under another name (a known rename), and on how many rows.</summary>
public sealed record AppliedAlias(string CsvLabel, string MapLabel, int Rows);

/// <summary>
/// The outcome of an annotate run; written as report.json. <see cref="Ambiguous"/> names the YouTube ids whose clip is
/// only there under its bare name (<c>&lt;youtube_id&gt;.mp4</c>) while the CSV has several rows for it.
/// </summary>
public sealed record AnnotateReport(
    IReadOnlyList<SplitReport> Splits,
    int Classes,
    IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<CorruptClip> Corrupt,
    IReadOnlyList<AppliedAlias> Aliases,
    IReadOnlyList<string> Ambiguous);
