namespace KineticsPrep.Dataset;

/// <summary>
/// How a CSV's class name found its id in a label map: the id; the map's name for it when that is another one (a known
/// rename, or the same name written another way); and whether it took the normalised key (<see cref="LabelKey"/>).
/// </summary>
public sealed record LabelMatch(int Id, string? MapName, bool Normalised);
