using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Report;

/// <summary>
/// The outputs of a root that no longer follow it: lists written before clips were made, made again or taken back
/// (<see cref="ClipSetVersion"/>), and exports made from other lists (<see cref="ListsVersion"/>). status and the report
/// name them, with the command that makes each again.
/// </summary>
public static class StaleOutputs
{
    public static IReadOnlyList<StaleOutput> Of(DatasetRoot root, IReadOnlyList<StateStore> stores)
    {
        var stale = new List<StaleOutput>();
        if (!ListsMade.ShowsCurrent(root, stores) && ListsVersion.ClipSetOf(root.Lists) is { } listed && listed != ClipSetVersion.Of(stores))
            stale.Add(new StaleOutput("lists", "clips were made, made again or taken back since they were written",
                $"prepare --root {root.Path} (or annotate --root {root.Path})"));
        var lists = ListsVersion.Of(root.Lists);
        if (RunFacts.Recorded(stores, RunFacts.RawframesMadeFrom) is { } frames && frames != lists)
            stale.Add(new StaleOutput("rawframes", "the lists have changed since the frames were made", $"export rawframes --root {root.Path}"));
        var webDataset = Path.Combine(root.Path, "webdataset");
        var shardLists = Directory.Exists(webDataset) ? Directory.GetFiles(webDataset, "*-shards.json").Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var manifest in shardLists.Where(m => MadeFrom(m) is { } madeFrom && madeFrom != lists))
            stale.Add(new StaleOutput($"webdataset {Path.GetFileName(manifest)}", "the lists have changed since the shards were made", $"export webdataset --root {root.Path}"));
        return stale;
    }

    /// <summary>The lists version a shard manifest records; null when it records none or cannot be read.</summary>
    private static string? MadeFrom(string manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            return json.RootElement.TryGetProperty("made_from", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
