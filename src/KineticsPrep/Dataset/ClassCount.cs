namespace KineticsPrep.Dataset;

public sealed record ClassCount(string Label, int Clips);
