namespace KineticsPrep.Report;

/// <param name="Key">A name for scripts reading report.json: "short_side_before", "fps", "codec".</param>
public sealed record Histogram(string Key, string Title, string Unit, IReadOnlyList<HistogramBin> Bins)
{
    public int Count => Bins.Sum(b => b.Count);
}
