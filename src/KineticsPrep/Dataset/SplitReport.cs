namespace KineticsPrep.Dataset;

/// <summary>What one split's list holds against its CSV; <see cref="Excluded"/>, the rows left out by --exclude-overlap-with.</summary>
public sealed record SplitReport(
    string Split,
    int CsvRows,
    int Found,
    int Missing,
    int Replaced,
    int Corrupt,
    IReadOnlyList<ClassCount> FewestClips,
    int Excluded = 0);
