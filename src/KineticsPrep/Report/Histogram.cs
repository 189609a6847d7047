namespace KineticsPrep.Report;

public sealed record Histogram(string Title, string Unit, IReadOnlyList<HistogramBin> Bins)
{
    public int Count => Bins.Sum(b => b.Count);
}
