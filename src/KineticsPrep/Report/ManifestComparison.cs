using KineticsPrep.Dataset;

namespace KineticsPrep.Report;

/// <summary>
/// How two copies of Kinetics differ, clip by clip (a clip: split, YouTube id and time range): held by one only, made
/// from other source bytes (a CVDF replacement, another download), the same source made into other output (other
/// settings, named), or listed under another label or id.
/// </summary>
public sealed class ManifestComparison
{
    /// <summary>What "the same" means for the exit code.</summary>
    public enum Sameness
    {
        /// <summary>The same clips from the same source bytes.</summary>
        Source,

        /// <summary>That, and the same output bytes.</summary>
        Output,

        /// <summary>The same clips under the same labels and ids.</summary>
        Lists,
    }

    /// <summary>One difference: its kind ("only in A", "source", "output", "label"), the clip, and A's and B's values.</summary>
    public sealed record Difference(string Kind, string Split, string YoutubeId, int TimeStart, int TimeEnd, string? A, string? B);

    /// <summary>Clips held per split: by A, by B, by both.</summary>
    public sealed record SplitPresence(string Split, int InA, int InB, int InBoth);

    public ManifestComparison(ManifestFile a, ManifestFile b)
    {
        var differences = new List<Difference>();
        foreach (var (key, rowA) in a.Rows.Where(r => Held(r.Value)))
        {
            if (!b.Rows.TryGetValue(key, out var rowB) || !Held(rowB))
            {
                differences.Add(new Difference("only in A", key.Split, key.Id, key.Start, key.End, rowA.Status, rowB?.Status ?? "no row"));
                continue;
            }
            if (rowA.SourceSha256 != rowB.SourceSha256)
                differences.Add(new Difference("source", key.Split, key.Id, key.Start, key.End, rowA.SourceSha256, rowB.SourceSha256));
            else if (rowA.OutputSha256 != rowB.OutputSha256)
                differences.Add(new Difference("output", key.Split, key.Id, key.Start, key.End, rowA.OutputSha256, rowB.OutputSha256));
            if (rowA.Label != rowB.Label || rowA.LabelId != rowB.LabelId)
                differences.Add(new Difference("label", key.Split, key.Id, key.Start, key.End, $"{rowA.Label} ({rowA.LabelId})", $"{rowB.Label} ({rowB.LabelId})"));
        }
        foreach (var (key, rowB) in b.Rows.Where(r => Held(r.Value)))
        {
            if (!a.Rows.TryGetValue(key, out var rowA) || !Held(rowA))
                differences.Add(new Difference("only in B", key.Split, key.Id, key.Start, key.End, rowA?.Status ?? "no row", rowB.Status));
        }
        Differences = differences.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Split, StringComparer.Ordinal)
            .ThenBy(d => d.YoutubeId, StringComparer.Ordinal).ToList();
        Splits = a.Rows.Keys.Select(k => k.Split).Concat(b.Rows.Keys.Select(k => k.Split)).Distinct().Order(StringComparer.Ordinal)
            .Select(split => new SplitPresence(split,
                a.Rows.Count(r => r.Key.Split == split && Held(r.Value)),
                b.Rows.Count(r => r.Key.Split == split && Held(r.Value)),
                a.Rows.Count(r => r.Key.Split == split && Held(r.Value) && b.Rows.TryGetValue(r.Key, out var other) && Held(other))))
            .ToList();
        SettingChanges = a.Settings.Keys.Union(b.Settings.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.Settings.GetValueOrDefault(k) != b.Settings.GetValueOrDefault(k))
            .Select(k => $"{k} {a.Settings.GetValueOrDefault(k) ?? "(none)"} vs {b.Settings.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
    }

    public IReadOnlyList<Difference> Differences { get; }

    public IReadOnlyList<SplitPresence> Splits { get; }

    /// <summary>The encode settings the two manifest.json files disagree on: "--crf 23 vs 28".</summary>
    public IReadOnlyList<string> SettingChanges { get; }

    public int Count(string kind) => Differences.Count(d => d.Kind == kind);

    public bool Same(Sameness sameness) => sameness switch
    {
        Sameness.Source => Count("only in A") + Count("only in B") + Count("source") == 0,
        Sameness.Output => Count("only in A") + Count("only in B") + Count("source") + Count("output") == 0,
        _ => Count("only in A") + Count("only in B") + Count("label") == 0,
    };

    /// <summary>A clip the copy holds: present, or replaced by CVDF's replacement.</summary>
    private static bool Held(ManifestRow row) => row.Status is "present" or "replaced";
}
