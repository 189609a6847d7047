namespace KineticsPrep.Dataset;

/// <summary>
/// The outcome of an annotate run; written as lists/summary.json. <see cref="Ambiguous"/> names the YouTube ids whose clip is
/// only there under its bare name (<c>&lt;youtube_id&gt;.mp4</c>) while the CSV has several rows for it;
/// <see cref="Shrunk"/>, the lists written with fewer clips than they had before; <see cref="Format"/> and
/// <see cref="LabelMap"/>, what wrote them (null in summaries written before these were kept); <see cref="ClipSet"/>,
/// the version of a root's clips they were written from (State's ClipSetVersion; null outside a root).
/// </summary>
public sealed record ListsSummary(
    IReadOnlyList<SplitReport> Splits,
    int Classes,
    IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<CorruptClip> Corrupt,
    IReadOnlyList<AppliedAlias> Aliases,
    IReadOnlyList<string> Ambiguous,
    IReadOnlyList<ShrunkList>? Shrunk = null,
    string? Format = null,
    string? LabelMap = null,
    string? ClipSet = null)
{
    /// <summary>Rows naming one clip more than once (null in summaries written before they were told apart).</summary>
    public RepeatedRows? Repeated { get; init; }

    /// <summary>CSVs with clearly fewer rows than the release's published counts (<see cref="CutShort"/>).</summary>
    public IReadOnlyList<string> CutShort { get; init; } = [];

    /// <summary>What the user must look at: rows left out, unreadable clips, and clips with two labels. Each counts as a failure.</summary>
    public int Problems => BadRows.Count + Corrupt.Count + (Repeated?.Conflicts.Count ?? 0);
}
