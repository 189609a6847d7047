using System.Globalization;
using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Report;

/// <summary>Gathers a dataset root's numbers: the annotate report and lists, and every state store.</summary>
public static class ReportBuilder
{
    private static readonly double[] ShortSideEdges = [144, 240, 256, 320, 360, 480, 720, 1080];
    private static readonly double[] DurationEdges = [2, 4, 6, 8, 9, 10, 11];

    public static DatasetReport Build(DatasetRoot root)
    {
        var lists = root.Lists;
        var listsReport = Path.Combine(lists, DatasetRoot.ListsSummaryFileName);
        var annotate = File.Exists(listsReport) ? JsonSerializer.Deserialize(File.ReadAllText(listsReport), DatasetJson.Indented.AnnotateReport) : null;
        var stores = StateStore.AllUnder(root);
        var resized = stores.SelectMany(s => s.ResizedClips()).ToList();
        var verified = stores.SelectMany(s => s.VerifiedClips()).ToList();

        var failures = stores.SelectMany(s => s.Failures()).Select(f => new ReportFailure(f.Stage, f.Item, f.Reason)).ToList();
        failures.AddRange(stores.SelectMany(s => s.ClipFailures()).Select(f => new ReportFailure("resize", $"{f.Archive}: {f.Failure.Clip}", f.Failure.Reason)));
        failures.AddRange(verified.Where(v => !v.Ok).Select(v => new ReportFailure("verify", v.Path, v.Reason ?? "unreadable")));
        if (annotate is not null)
        {
            failures.AddRange(annotate.BadRows.Select(r => new ReportFailure("annotate", $"{r.File}:{r.Line}", r.Problem)));
            failures.AddRange(annotate.Corrupt.Select(c => new ReportFailure("annotate --check", c.Path, c.Reason)));
        }

        // After resize: what verify measured when it ran, else what resize produced (durations are kept).
        var verifiedOk = verified.Where(v => v.Ok && v.Width is not null && v.Height is not null).ToList();
        var after = verifiedOk.Count > 0
            ? (Short: verifiedOk.Select(v => (double)Math.Min(v.Width!.Value, v.Height!.Value)), Duration: verifiedOk.Select(v => v.Duration))
            : (Short: resized.Select(r => (double)r.ShortSide), Duration: resized.Select(r => r.SourceDuration));

        return new DatasetReport(
            root.Path,
            DateTime.UtcNow,
            annotate?.Splits ?? [],
            Classes(lists),
            Bin("Short side before resize", "px", resized.Select(r => (double)r.SourceShortSide), ShortSideEdges),
            Bin("Short side after resize", "px", after.Short, ShortSideEdges),
            Bin("Duration before resize", "s", resized.Select(r => r.SourceDuration).OfType<double>(), DurationEdges),
            Bin("Duration after resize", "s", after.Duration.OfType<double>(), DurationEdges),
            failures);
    }

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

    private static Histogram Bin(string title, string unit, IEnumerable<double> values, double[] edges)
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
        return new Histogram(title, unit, bins);
    }

}
