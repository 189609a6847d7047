namespace KineticsPrep.Dataset;

/// <summary>A CSV class name that the label map has under another name, and on how many rows: a known rename, or the
/// same name written another way (<paramref name="Normalised"/>: found by <see cref="LabelKey"/>).</summary>
public sealed record AppliedAlias(string CsvLabel, string MapLabel, int Rows, bool Normalised = false);
