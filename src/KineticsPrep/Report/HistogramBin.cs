namespace KineticsPrep.Report;

public sealed record HistogramBin(string Label, int Count);
