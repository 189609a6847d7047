using System.Text.Json;

namespace KineticsPrep.Dataset;

/// <summary>
/// The known renames of Kinetics class names between the 2017 K400 names and the later K600/K700 ones, both ways, in
/// order of priority: VideoMAEv2's K710 identical-label merge table first, then the 13 classes that VideoMAEv2's K400
/// map writes with later names at mmaction2's positions (read from the two built-in maps, so no list is copied here).
/// </summary>
public static class LabelAliases
{
    private static readonly Lazy<Dictionary<string, List<string>>> Table = new(Build);

    /// <summary>The other names of a class, most preferred first; empty when it has none.</summary>
    public static IReadOnlyList<string> Of(string name) => Table.Value.TryGetValue(name, out var aliases) ? aliases : [];

    private static Dictionary<string, List<string>> Build()
    {
        var merge = JsonSerializer.Deserialize(LabelMap.Resource("videomaev2-k710-identical-label-merge.json"), DatasetJson.Indented.DictionaryStringString)!;
        var k400 = LabelMap.Load("mmaction2-k400").Names;
        var renamed = LabelMap.Load("videomaev2-k400").Names;
        var pairs = merge.Select(m => (Old: m.Key, New: m.Value))
            .Concat(k400.Zip(renamed).Where(p => p.First != p.Second).Select(p => (Old: p.First, New: p.Second)));
        var table = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (older, newer) in pairs)
        {
            Add(table, older, newer);
            Add(table, newer, older);
        }
        return table;
    }

    private static void Add(Dictionary<string, List<string>> table, string name, string alias)
    {
        if (!table.TryGetValue(name, out var aliases))
            table[name] = aliases = [];
        if (!aliases.Contains(alias))
            aliases.Add(alias);
    }
}
