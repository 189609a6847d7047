namespace KineticsPrep.Export;

/// <summary>What <see cref="WebDatasetExporter"/> shards: a dataset root's lists and clips.</summary>
public sealed record WebDatasetOptions(string Root, string Out)
{
    /// <summary>The splits to export; null for every split that has a list.</summary>
    public IReadOnlyList<string>? Splits { get; init; }

    /// <summary>No shard is larger, unless a single clip is.</summary>
    public const long DefaultShardSize = 1L << 30;

    public long ShardSize { get; init; } = DefaultShardSize;

    /// <summary>Seeds the shuffle: the same seed and lists give the same shards, byte for byte.</summary>
    public int Seed { get; init; }
}
