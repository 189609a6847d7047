namespace KineticsPrep.Dataset;

/// <summary>
/// Rows that name one clip more than once. In one split, the same label again is kept once and counted; another label
/// is a conflict only the user can settle, so the clip is left out of the lists and both rows are named. A clip in two
/// splits is listed in each, as the CSVs say, and named with both rows (a leak between them).
/// </summary>
public sealed record RepeatedRows(int Repeats, IReadOnlyList<string> Conflicts, IReadOnlyList<string> InTwoSplits)
{
    public sealed record Split(string Name, string Path, IReadOnlyList<AnnotationRow> Rows);

    /// <returns>Each split's rows, each clip once and none in conflict, and what was found.</returns>
    public static (IReadOnlyList<Split> Splits, RepeatedRows Found) Settle(IReadOnlyList<Split> splits)
    {
        var repeats = 0;
        var conflicts = new List<string>();
        var settled = new List<Split>();
        foreach (var split in splits)
        {
            var file = System.IO.Path.GetFileName(split.Path);
            var kept = new List<AnnotationRow>(split.Rows.Count);
            foreach (var rows in split.Rows.GroupBy(r => r.ClipName, StringComparer.Ordinal))
            {
                var first = rows.First();
                if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Skip(1).Any())
                {
                    conflicts.Add($"{first.ClipName}: {string.Join(", ", rows.Select(r => $"{file} line {r.Line} says '{r.Label}'"))}; " +
                                  "left out of the lists until one row is left");
                    continue;
                }
                repeats += rows.Count() - 1;
                kept.Add(first);
            }
            settled.Add(split with { Rows = kept.OrderBy(r => r.Line).ToList() });
        }
        var inTwoSplits = settled.SelectMany(s => s.Rows.Select(r => (Split: s, Row: r)))
            .GroupBy(x => x.Row.ClipName, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{System.IO.Path.GetFileName(x.Split.Path)} line {x.Row.Line}"))}")
            .ToList();
        return (settled, new RepeatedRows(repeats, conflicts, inTwoSplits));
    }
}
