namespace KineticsPrep.Export;

/// <summary>One shard as the manifest lists it.</summary>
public sealed record ShardEntry(string Name, int Samples, long Bytes);
