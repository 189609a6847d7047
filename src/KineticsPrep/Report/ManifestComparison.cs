using KineticsPrep.Dataset;
using KineticsPrep.Media;

namespace KineticsPrep.Report;

/// <summary>
/// How two copies of Kinetics differ, clip by clip (a clip: split, YouTube id and time range): held by one only, made
/// from other source bytes (a CVDF replacement, another download), the same source made into other output (other
/// settings, named), or listed under another label or id; and how many clips each holds per split and per class.
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

    /// <summary>Clips held in a split (and class, when <see cref="Label"/> is set): by A, by B, by both.</summary>
    public sealed record Presence(string Split, string? Label, int InA, int InB, int InBoth)
    {
        public bool Differs => InA != InBoth || InB != InBoth;
    }

    public ManifestComparison(ManifestFile a, ManifestFile b)
    {
        var differences = new List<Difference>();
        var splits = new Tally();
        var classes = new Tally();
        foreach (var (key, rowA) in a.Rows.Where(r => Held(r.Value)))
        {
            splits.Add(key.Split, null, Tally.A);
            classes.Add(key.Split, rowA.Label, Tally.A);
            if (!b.Rows.TryGetValue(key, out var rowB) || !Held(rowB))
            {
                differences.Add(new Difference("only in A", key.Split, key.Id, key.Start, key.End, rowA.Status, rowB?.Status ?? "no row"));
                continue;
            }
            splits.Add(key.Split, null, Tally.Both);
            // Held by both in a class when both list it under that class.
            if (rowA.Label == rowB.Label)
                classes.Add(key.Split, rowA.Label, Tally.Both);
            if (rowA.SourceSha256 != rowB.SourceSha256)
                differences.Add(new Difference("source", key.Split, key.Id, key.Start, key.End, rowA.SourceSha256, rowB.SourceSha256));
            else if (rowA.OutputSha256 != rowB.OutputSha256)
                differences.Add(new Difference("output", key.Split, key.Id, key.Start, key.End, rowA.OutputSha256, rowB.OutputSha256));
            if (rowA.Label != rowB.Label || rowA.LabelId != rowB.LabelId)
                differences.Add(new Difference("label", key.Split, key.Id, key.Start, key.End, $"{rowA.Label} ({rowA.LabelId})", $"{rowB.Label} ({rowB.LabelId})"));
        }
        foreach (var (key, rowB) in b.Rows.Where(r => Held(r.Value)))
        {
            splits.Add(key.Split, null, Tally.B);
            classes.Add(key.Split, rowB.Label, Tally.B);
            if (!a.Rows.TryGetValue(key, out var rowA) || !Held(rowA))
                differences.Add(new Difference("only in B", key.Split, key.Id, key.Start, key.End, rowA?.Status ?? "no row", rowB.Status));
        }
        Differences = differences.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Split, StringComparer.Ordinal)
            .ThenBy(d => d.YoutubeId, StringComparer.Ordinal).ToList();
        foreach (var split in a.Rows.Keys.Select(k => k.Split).Concat(b.Rows.Keys.Select(k => k.Split)))
            splits.Add(split, null, Tally.None);
        Splits = splits.Presences();
        Classes = classes.Presences();
        SettingChanges = a.Settings.Keys.Union(b.Settings.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.Settings.GetValueOrDefault(k) != b.Settings.GetValueOrDefault(k))
            .Select(k => $"{k} {a.Settings.GetValueOrDefault(k) ?? "(none)"} vs {b.Settings.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
        ToolchainsKnown = a.Toolchain.Count > 0 && b.Toolchain.Count > 0;
        ToolchainChanges = ToolchainsKnown ? Toolchain.Differences(a.Toolchain, b.Toolchain) : [];
    }

    /// <summary>Both manifests name their toolchain (those written before it was kept do not).</summary>
    public bool ToolchainsKnown { get; }

    /// <summary>What differs in the ffmpeg builds that made the two copies: "libx264 core 164 … vs core 157 …".</summary>
    public IReadOnlyList<string> ToolchainChanges { get; }

    public IReadOnlyList<Difference> Differences { get; }

    /// <summary>Per split, every split either manifest has rows for.</summary>
    public IReadOnlyList<Presence> Splits { get; }

    /// <summary>Per split and class, every class either copy holds a clip of, by split then label.</summary>
    public IReadOnlyList<Presence> Classes { get; }

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

    /// <summary>Clip counts by split and label: held by A, by B, by both.</summary>
    private sealed class Tally
    {
        public const int A = 0, B = 1, Both = 2, None = -1;

        private readonly Dictionary<(string Split, string Label), int[]> _counts = [];

        public void Add(string split, string? label, int which)
        {
            var key = (split, label ?? "");
            if (!_counts.TryGetValue(key, out var counts))
                _counts[key] = counts = new int[3];
            if (which != None)
                counts[which]++;
        }

        public IReadOnlyList<Presence> Presences() => _counts
            .OrderBy(c => c.Key.Split, StringComparer.Ordinal).ThenBy(c => c.Key.Label, StringComparer.Ordinal)
            .Select(c => new Presence(c.Key.Split, c.Key.Label.Length == 0 ? null : c.Key.Label, c.Value[A], c.Value[B], c.Value[Both]))
            .ToList();
    }
}
