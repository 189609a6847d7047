namespace KineticsPrep.Dataset;

/// <summary>
/// YouTube ids shared between splits of the Kinetics releases: K700 holds most of K400 and K600, and K400's val is
/// largely inside K700's train, so a model pretrained on one and evaluated on another may have seen its test clips.
/// </summary>
public static class Overlap
{
    /// <summary>Two splits and the YouTube ids they share, with each one's count.</summary>
    public sealed record Pair(string A, int IdsOfA, string B, int IdsOfB, int Shared);

    /// <summary>Every pair of the given sets, in their order; each set once against each later one.</summary>
    public static IReadOnlyList<Pair> Between(IReadOnlyList<(string Name, IReadOnlySet<string> Ids)> sets)
    {
        var pairs = new List<Pair>();
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = i + 1; j < sets.Count; j++)
            {
                var (small, large) = sets[i].Ids.Count <= sets[j].Ids.Count ? (sets[i].Ids, sets[j].Ids) : (sets[j].Ids, sets[i].Ids);
                pairs.Add(new Pair(sets[i].Name, sets[i].Ids.Count, sets[j].Name, sets[j].Ids.Count, small.Count(large.Contains)));
            }
        }
        return pairs;
    }

    /// <summary>The pairs among the annotation files a root holds (<see cref="ReleaseAnnotations"/>).</summary>
    public static IReadOnlyList<Pair> Under(DatasetRoot root, string? release) =>
        Between(ReleaseAnnotations.Under(root, release).Select(f => (f.Split.ToString(), (IReadOnlySet<string>)ReleaseAnnotations.Ids(f.Path, f.Split.Split))).ToList());
}
