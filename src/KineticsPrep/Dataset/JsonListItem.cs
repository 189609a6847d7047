namespace KineticsPrep.Dataset;

/// <summary>One clip of the JSON list format: <c>{"filename": …, "label": …}</c>.</summary>
public sealed record JsonListItem(string Filename, int Label);
