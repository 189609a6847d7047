namespace KineticsPrep.Export;

/// <summary>A list line that could not go into a shard, and why.</summary>
public sealed record ExportFailure(string Split, string Path, string Reason);
