using KineticsPrep.Dataset;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Kinetics-710 as VideoMAEv2's docs/DATASET.md builds it: the train and val sets of K400, K600 and K700 merged, each
/// YouTube id kept once (the first release's row, in K400, K600, K700 order, and within a release the CSV's first),
/// and the val rows whose YouTube id is also in train removed. Class names stay each release's own; the
/// videomaev2-k710 label map and its identical-label merge table turn them into the 710 classes.
/// </summary>
public static class K710Recipe
{
    /// <summary>One release's labelled rows, in the order the recipe takes the releases.</summary>
    public sealed record Member(string Release, IReadOnlyList<AnnotationRow> Train, IReadOnlyList<AnnotationRow> Val);

    /// <summary>A row of the merged set, with the release it came from.</summary>
    public sealed record Row(string Release, AnnotationRow Annotation);

    /// <summary>A YouTube id that another release (or row) has with another time range than the one kept.</summary>
    public sealed record OtherRange(string YoutubeId, string KeptRelease, string KeptClip, string OtherRelease, string OtherClip);

    /// <summary>The rows at each step of the recipe.</summary>
    public sealed record Steps(int TrainRows, int ValRows, int TrainUnique, int ValUnique, int ValAlsoInTrain, int Train, int Val);

    public sealed record Result(IReadOnlyList<Row> Train, IReadOnlyList<Row> Val, Steps Counts, IReadOnlyList<OtherRange> OtherRanges);

    public static Result Build(IReadOnlyList<Member> members)
    {
        var otherRanges = new List<OtherRange>();
        var train = Unique(members.SelectMany(m => m.Train.Select(r => new Row(m.Release, r))), otherRanges);
        var val = Unique(members.SelectMany(m => m.Val.Select(r => new Row(m.Release, r))), otherRanges);
        var trainIds = train.Select(r => r.Annotation.YoutubeId).ToHashSet(StringComparer.Ordinal);
        var keptVal = val.Where(r => !trainIds.Contains(r.Annotation.YoutubeId)).ToList();
        return new Result(train, keptVal,
            new Steps(members.Sum(m => m.Train.Count), members.Sum(m => m.Val.Count), train.Count, val.Count,
                val.Count - keptVal.Count, train.Count, keptVal.Count),
            otherRanges);
    }

    /// <summary>The first row of each YouTube id, in order; a later row with another time range is recorded.</summary>
    private static List<Row> Unique(IEnumerable<Row> rows, List<OtherRange> otherRanges)
    {
        var kept = new Dictionary<string, Row>(StringComparer.Ordinal);
        var unique = new List<Row>();
        foreach (var row in rows)
        {
            if (kept.TryGetValue(row.Annotation.YoutubeId, out var first))
            {
                if (first.Annotation.ClipName != row.Annotation.ClipName)
                    otherRanges.Add(new OtherRange(row.Annotation.YoutubeId, first.Release, first.Annotation.ClipName, row.Release, row.Annotation.ClipName));
                continue;
            }
            kept[row.Annotation.YoutubeId] = row;
            unique.Add(row);
        }
        return unique;
    }
}
