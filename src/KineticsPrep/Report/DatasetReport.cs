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

/// <summary>A class and its clips per split; <see cref="Weak"/> when its total is far below the median.</summary>
public sealed record ClassClips(string Label, IReadOnlyDictionary<string, int> PerSplit, int Total, bool Weak);

public sealed record Histogram(string Title, string Unit, IReadOnlyList<HistogramBin> Bins)
{
    public int Count => Bins.Sum(b => b.Count);
}

public sealed record HistogramBin(string Label, int Count);

/// <summary>Something that went wrong: the stage, the item and why.</summary>
public sealed record ReportFailure(string Stage, string Item, string Reason);
