using System.Globalization;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Report;

/// <summary>Gathers a dataset root's numbers: annotate's summary, the lists and their index, and every state store.</summary>
public static class ReportBuilder
{
    private static readonly double[] ShortSideEdges = [144, 240, 256, 320, 360, 480, 720, 1080];
    private static readonly double[] DurationEdges = [2, 4, 6, 8, 9, 10, 11];
    private static readonly double[] FpsEdges = [15, 24, 25, 29, 30.5, 50, 60.5];
    private static readonly double[] KeyframeEdges = [2, 9, 17, 33, 65, 129, 251];
    private static readonly double[] MebibyteEdges = [0.25, 0.5, 1, 2, 4, 8];

    /// <summary>The settings shown first, in this order; any others the stores recorded follow.</summary>
    /// <param name="index">The lists' index (<see cref="ClipIndexFile.ReadIfThere"/>), read once for the report and its contact sheet.</param>
    public static DatasetReport Build(DatasetRoot root, IReadOnlyList<ClipFacts> index)
    {
        var lists = root.Lists;
        var annotate = RootRecipe.ListsSummaryOf(root);
        var stores = StateStore.AllUnder(root);
        var resized = stores.SelectMany(s => s.ResizedShapes()).ToList();
        var verified = stores.SelectMany(s => s.VerifiedClips()).ToList();
        var settings = RootRecipe.Of(stores, annotate).Append(new ReportSetting("report made by", $"kinetics-prep {ToolVersion.Current}")).ToList();
        var release = settings.FirstOrDefault(s => s.Name == RunFacts.Release)?.Value is { } name ? DatasetCatalog.Find(name) : null;

        // After resize: what verify measured when it ran, else what resize produced (durations are kept).
        var verifiedOk = verified.Where(v => v.Ok && v.Width is not null && v.Height is not null).ToList();
        var after = verifiedOk.Count > 0
            ? (Short: verifiedOk.Select(v => (double)Math.Min(v.Width!.Value, v.Height!.Value)), Duration: verifiedOk.Select(v => v.Duration))
            : (Short: resized.Select(r => (double)r.ShortSide), Duration: resized.Select(r => r.SourceDuration));

        return new DatasetReport(
            root.Path,
            DateTime.UtcNow,
            settings,
            release?.AllSplits.Where(s => s.OfficialRows is not null).ToDictionary(s => s.Name, s => s.OfficialRows!.Value) ?? [],
            Splits(annotate, verified),
            Classes(lists),
            [
                Bin("short_side_before", "Short side before resize", "px", resized.Select(r => (double)r.SourceShortSide), ShortSideEdges),
                Bin("short_side_after", "Short side after resize", "px", after.Short, ShortSideEdges),
                Bin("duration_before", "Duration before resize", "s", resized.Select(r => r.SourceDuration).OfType<double>(), DurationEdges),
                Bin("duration_after", "Duration after resize", "s", after.Duration.OfType<double>(), DurationEdges),
                Bin("fps", "Frame rate", "fps", index.Select(c => c.Fps).OfType<double>(), FpsEdges),
                Bin("max_keyframe_interval", "Longest keyframe interval", "frames", index.Select(c => c.MaxKeyframeInterval).OfType<long>().Select(v => (double)v), KeyframeEdges),
                Bin("clip_size", "Size on disk", "MiB", index.Where(c => c.Bytes > 0).Select(c => c.Bytes / 1048576.0), MebibyteEdges),
                Categories("codec", "Codec", "", index.Select(c => c.Codec ?? "unknown")),
            ],
            Overlap.Under(root, release?.Name ?? settings.FirstOrDefault(s => s.Name == RunFacts.Release)?.Value),
            Failures(stores, verified, annotate))
        {
            Stale = StaleOutputs.Of(root, stores),
        };
    }

    /// <summary>Every failure of every stage, each reason in plain words.</summary>
    private static List<ReportFailure> Failures(IReadOnlyList<StateStore> stores, IReadOnlyList<VerifiedClip> verified, ListsSummary? annotate)
    {
        var failures = stores.SelectMany(s => s.Failures()).Select(f => new ReportFailure(f.Stage, f.Item, f.Reason)).ToList();
        failures.AddRange(stores.SelectMany(s => s.ClipFailures()).Select(f => new ReportFailure("resize", $"{f.Archive}: {f.Failure.Clip}", f.Failure.Reason)));
        failures.AddRange(verified.Where(v => !v.Ok).Select(v => new ReportFailure("verify", v.Path, v.Reason ?? "unreadable")));
        if (annotate is not null)
        {
            failures.AddRange(annotate.BadRows.Select(r => new ReportFailure("annotate", $"{r.File}:{r.Line}", r.Problem)));
            failures.AddRange(annotate.Corrupt.Select(c => new ReportFailure("annotate --check", c.Path, c.Reason)));
        }
        return failures.Select(f => f with { Reason = PlainReason.Of(f.Reason) }).ToList();
    }

    /// <summary>
    /// Annotate's numbers per split, with corrupt counting every clip of the split that annotate --check or verify
    /// found unreadable, so the table agrees with the failures listed.
    /// </summary>
    private static IReadOnlyList<SplitReport> Splits(ListsSummary? annotate, IReadOnlyList<VerifiedClip> verified)
    {
        if (annotate is null)
            return [];
        var unreadable = verified.Where(v => !v.Ok).Select(v => (Split: SplitOf(v.Path), Clip: Path.GetFileName(v.Path)))
            .Concat(annotate.Corrupt.Select(c => (c.Split, Clip: Path.GetFileName(c.Path))))
            .Distinct()
            .CountBy(c => c.Split)
            .ToDictionary(StringComparer.Ordinal);
        return annotate.Splits.Select(s => s with { Corrupt = unreadable.GetValueOrDefault(s.Split) }).ToList();
    }

    /// <summary>The split of a clip under <c>videos_&lt;S&gt;p/&lt;split&gt;/</c>: its folder's name.</summary>
    private static string SplitOf(string clipPath) => Path.GetFileName(Path.GetDirectoryName(clipPath)) ?? "";


    /// <summary>Clips per class and split, counted from the written lists.</summary>
    private static IReadOnlyList<ClassClips> Classes(string lists)
    {
        var labels = ListReader.Labels(lists);
        var counts = labels.ToDictionary(l => l, _ => new Dictionary<string, int>(), StringComparer.Ordinal);
        foreach (var (split, format) in ListReader.Written(lists))
        {
            var ids = ListReader.Read(lists, split, format, labels).Select(line => line.LabelId);
            foreach (var id in ids.Where(id => id >= 0 && id < labels.Count))
                counts[labels[id]][split] = counts[labels[id]].GetValueOrDefault(split) + 1;
        }
        var totals = counts.ToDictionary(c => c.Key, c => c.Value.Values.Sum());
        var sorted = totals.Values.Order().ToList();
        var median = sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
        return counts
            .Select(c => new ClassClips(c.Key, c.Value, totals[c.Key], totals[c.Key] < median * DatasetReport.WeakFractionOfMedian))
            .OrderBy(c => c.Total).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static Histogram Bin(string key, string title, string unit, IEnumerable<double> values, double[] edges)
    {
        var counts = new int[edges.Length + 1];
        foreach (var value in values)
        {
            var bin = Array.FindIndex(edges, edge => value < edge);
            counts[bin < 0 ? edges.Length : bin]++;
        }
        string Format(double v) => v.ToString(CultureInfo.InvariantCulture);
        var bins = counts.Select((count, i) => new HistogramBin(
            i == 0 ? $"< {Format(edges[0])}" : i == edges.Length ? $"≥ {Format(edges[^1])}" : $"{Format(edges[i - 1])}–{Format(edges[i])}",
            count)).ToList();
        return new Histogram(key, title, unit, bins);
    }

    /// <summary>A bar per value, most common first.</summary>
    private static Histogram Categories(string key, string title, string unit, IEnumerable<string> values) =>
        new(key, title, unit, values.CountBy(v => v).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new HistogramBin(c.Key, c.Value)).ToList());
}
