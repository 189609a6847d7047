using KineticsPrep.Dataset;

namespace KineticsPrep.Report;

/// <summary>Everything report.html shows, and report.json holds.</summary>
/// <param name="Settings">What made the copy: the release, the output and list settings, the tools' versions.</param>
/// <param name="OfficialRows">Per split, the rows of the release's annotation file as papers quote them, where known.</param>
/// <param name="Overlap">YouTube ids shared by each pair of splits the root holds annotation files for.</param>
/// <param name="Splits">Per split, as annotate counted; corrupt counts every clip annotate --check or verify found unreadable.</param>
public sealed record DatasetReport(
    string Root,
    DateTime GeneratedAt,
    IReadOnlyList<ReportSetting> Settings,
    IReadOnlyDictionary<string, int> OfficialRows,
    IReadOnlyList<SplitReport> Splits,
    IReadOnlyList<ClassClips> Classes,
    IReadOnlyList<Histogram> Histograms,
    IReadOnlyList<Overlap.Pair> Overlap,
    IReadOnlyList<ReportFailure> Failures)
{
    /// <summary>Classes this far below the median clip count are highlighted as weak.</summary>
    public const double WeakFractionOfMedian = 0.5;

    /// <summary>One thumbnail per class, when the report was made with ffmpeg at hand.</summary>
    public ContactSheet ContactSheet { get; init; } = ContactSheet.None("not made");

    /// <summary>Outputs made from what has changed since, with the command that makes each again.</summary>
    public IReadOnlyList<StaleOutput> Stale { get; init; } = [];
}
