namespace KineticsPrep.Dataset;

/// <summary>A CSV class name that the label map has under another name (a known rename), and on how many rows.</summary>
public sealed record AppliedAlias(string CsvLabel, string MapLabel, int Rows);
