namespace KineticsPrep.Dataset;

/// <summary>One entry of a written training list: the clip's path as written, its class id, and the text it was written as.</summary>
public sealed record ListLine(string Path, int LabelId, string Text);
