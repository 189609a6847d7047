using KineticsPrep.Dataset;

namespace KineticsPrep.Report;

/// <summary>Everything report.html shows, and report.json holds.</summary>
public sealed record DatasetReport(
    string Root,
    DateTime GeneratedAt,
    IReadOnlyList<SplitReport> Splits,
    IReadOnlyList<ClassClips> Classes,
    Histogram ShortSideBefore,
    Histogram ShortSideAfter,
    Histogram DurationBefore,
    Histogram DurationAfter,
    IReadOnlyList<ReportFailure> Failures)
{
    /// <summary>Classes this far below the median clip count are highlighted as weak.</summary>
    public const double WeakFractionOfMedian = 0.5;
}
