using System.Globalization;
using System.Text.Json;
using KineticsPrep.IO;

namespace KineticsPrep.Export;

/// <summary>
/// <c>&lt;split&gt;-shards.json</c>: the split's shards with their sample counts and bytes, and the brace pattern that
/// webdataset's loaders take (<c>train-{000000..000012}.tar</c>), and the version of the lists they were made from
/// (<see cref="Dataset.ListsVersion"/>; null in manifests written before it was kept).
/// </summary>
public sealed record ShardManifest(
    string Split, int Seed, long ShardSize, int Samples, long Bytes, string Pattern, IReadOnlyList<ShardEntry> Shards, string? MadeFrom = null)
{
    public static string FileName(string split) => $"{split}-shards.json";

    public static string ShardName(string split, int number) => string.Create(CultureInfo.InvariantCulture, $"{split}-{number:000000}.tar");

    /// <summary>The number in a shard's file name, or null when the name is no shard of this split.</summary>
    public static int? NumberOf(string split, string fileName) =>
        fileName.Length == split.Length + 11 && fileName.StartsWith(split + "-", StringComparison.Ordinal) && fileName.EndsWith(".tar", StringComparison.Ordinal)
        && int.TryParse(fileName.AsSpan(split.Length + 1, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The split's manifest in <paramref name="folder"/>; null when there is none, or it cannot be read.</summary>
    public static ShardManifest? Read(string folder, string split)
    {
        var path = Path.Combine(folder, FileName(split));
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ExportJson.Indented.ShardManifest) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ShardManifest For(string split, WebDatasetOptions options, IReadOnlyList<IReadOnlyList<WebDatasetSample>> shards, string madeFrom)
    {
        var entries = shards.Select((shard, i) => new ShardEntry(ShardName(split, i), shard.Count, ShardPlan.Bytes(shard))).ToList();
        var pattern = entries.Count switch
        {
            0 => "",
            1 => entries[0].Name,
            _ => string.Create(CultureInfo.InvariantCulture, $"{split}-{{000000..{entries.Count - 1:000000}}}.tar"),
        };
        return new ShardManifest(split, options.Seed, options.ShardSize, entries.Sum(e => e.Samples), entries.Sum(e => e.Bytes), pattern, entries, madeFrom);
    }

    public void Write(string folder) => AtomicFile.WriteAllText(Path.Combine(folder, FileName(Split)), JsonSerializer.Serialize(this, ExportJson.Indented.ShardManifest) + "\n");
}
