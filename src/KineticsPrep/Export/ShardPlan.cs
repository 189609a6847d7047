namespace KineticsPrep.Export;

/// <summary>A split's samples, shuffled by a seed and packed in that order into shards of at most a given size.</summary>
public static class ShardPlan
{
    public static IReadOnlyList<IReadOnlyList<WebDatasetSample>> Make(IEnumerable<WebDatasetSample> samples, int seed, long shardSize)
    {
        // A seeded Random is the same sequence on every platform and .NET version, so a rerun plans the same shards.
        var shuffled = samples.ToArray();
        new Random(seed).Shuffle(shuffled);

        var shards = new List<IReadOnlyList<WebDatasetSample>>();
        var current = new List<WebDatasetSample>();
        var bytes = TarLayout.End;
        foreach (var sample in shuffled)
        {
            if (current.Count > 0 && bytes + sample.TarBytes > shardSize)
            {
                shards.Add(current);
                current = [];
                bytes = TarLayout.End;
            }
            current.Add(sample);
            bytes += sample.TarBytes;
        }
        if (current.Count > 0)
            shards.Add(current);
        return shards;
    }

    public static long Bytes(IEnumerable<WebDatasetSample> shard) => TarLayout.End + shard.Sum(s => s.TarBytes);
}
