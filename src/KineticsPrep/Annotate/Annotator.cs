using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.Errors;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// Turns the official CSVs and the clips on disk into training lists: only clips that exist, class ids in the
/// community's order, plus labels.txt, missing_&lt;split&gt;.txt and report.json. <c>tools</c>: ffmpeg where there is
/// one, located by the caller; --check needs it, and the index asks its ffprobe about the clips it cannot read itself
/// (their facts stay empty without it).
/// </summary>
public sealed class Annotator(AnnotateOptions options, MediaTools? tools)
{
    private const int FewestClassesReported = 5;

    private ListedClipProbe Probe => new(tools, options.Workers);

    /// <exception cref="AnnotationException">No CSVs, or a malformed row or unknown label (without --skip-bad-rows).</exception>
    /// <exception cref="DirectoryNotFoundException">The annotations or videos folder does not exist.</exception>
    public async Task<ListsSummary> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { options.Annotations, options.Videos }.Concat(options.Replacement is { } r ? [r] : []))
        {
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException($"Folder not found: {folder}");
        }
        var files = SplitFiles.In(options.Annotations);
        if (files.Count == 0)
            throw new AnnotationException($"{options.Annotations}: no train.csv, validate.csv, val.csv or test.csv");
        var made = options.ManifestRoot is { } root ? new ListsInputs(root, options.Out) : null;
        var inputs = made?.Of(options, files);
        if (inputs is not null && Unchanged(made!, inputs) is { } unchanged)
            return unchanged;

        var badRows = options.SkipBadRows ? new List<BadRow>() : null;
        var read = files.Select(f => new RepeatedRows.Split(f.Split, f.Path, AnnotationCsv.Read(f.Path, f.Split, badRows))).ToList();
        var labels = options.Labels is { } labelMap
            ? LabelMap.Load(labelMap)
            : LabelMap.FromLabels(LabelSource(read.Select(s => (s.Name, s.Rows))));
        var resolved = labels.ResolveAll(read.SelectMany(s => s.Rows).Select(r => r.Label).OfType<string>());
        var (splits, repeated) = RepeatedRows.Settle(read);
        var aliases = new Dictionary<(string CsvLabel, string MapLabel), int>();
        var ambiguous = new List<string>();

        var lists = MatchAll(splits, resolved, badRows, aliases, ambiguous);

        var corrupt = options.Check && tools is not null
            ? await Probe.CorruptAsync(lists.SelectMany(l => l.Entries), cancellationToken)
            : CorruptClips.None;

        Directory.CreateDirectory(options.Out);
        var (reports, shrunk) = WriteLists(lists, corrupt, labels);
        await WriteIndexAndManifestAsync(lists, corrupt, resolved, cancellationToken);

        var report = new ListsSummary(
            reports, labels.Names.Count, badRows ?? [],
            lists.SelectMany(l => l.Entries.Where(corrupt.Holds).Select(e => new CorruptClip(l.Split, e.Path, corrupt.Reason(e)))).ToList(),
            aliases.Select(a => new AppliedAlias(a.Key.CsvLabel, a.Key.MapLabel, a.Value, resolved[a.Key.CsvLabel].Normalised))
                .OrderBy(a => a.CsvLabel, StringComparer.Ordinal).ToList(),
            ambiguous,
            shrunk,
            options.Format.Name,
            options.Labels ?? "the train CSV's labels, sorted",
            options.ManifestRoot is { } manifestRoot ? ClipSetVersion.Of(StateStore.AllUnder(manifestRoot, upgrade: true)) : null)
        {
            Repeated = repeated,
            CutShort = read.Select(s => CutShort.Check(Path.GetFileName(s.Path), s.Rows.Count, options.Release?.AllSplits.FirstOrDefault(c => c.Name == s.Name)?.OfficialRows))
                .OfType<string>().ToList(),
        };
        AtomicFile.WriteAllText(Path.Combine(options.Out, DatasetRoot.ListsSummaryFileName), JsonSerializer.Serialize(report, DatasetJson.Indented.ListsSummary));
        if (inputs is not null)
            made!.Record(inputs);
        return report;
    }

    /// <summary>The summary of the last run, when it was made from these inputs and the lists folder is as it left
    /// it: nothing to write (and no list shrank since).</summary>
    private ListsSummary? Unchanged(ListsInputs made, string inputs)
    {
        if (!made.IsCurrent(inputs))
            return null;
        try
        {
            var last = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(options.Out, DatasetRoot.ListsSummaryFileName)), DatasetJson.Indented.ListsSummary);
            return last is null ? null : last with { Shrunk = [] };
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Each split's list (without the corrupt clips), its missing and excluded clips, and labels.txt; with
    /// each split's numbers and the lists that now hold fewer clips than before.</summary>
    private (List<SplitReport> Reports, List<ShrunkList> Shrunk) WriteLists(IReadOnlyList<SplitList> lists, CorruptClips corrupt, LabelMap labels)
    {
        var before = ListedBefore();
        var shrunk = new List<ShrunkList>();
        var reports = new List<SplitReport>();
        foreach (var list in lists)
        {
            var kept = list.Entries.Where(e => !corrupt.Holds(e)).ToList();
            if (before.TryGetValue(list.Split, out var had) && had > kept.Count)
                shrunk.Add(new ShrunkList(list.Split, had, kept.Count));
            options.Format.Write(options.Format.PathFor(options.Out, list.Split), kept, labels.Names, DisplayPath);
            AtomicFile.WriteAllLines(Path.Combine(options.Out, $"missing_{list.Split}.txt"), list.Missing.Select(r => r.ClipName));
            if (options.ExcludeIds is not null)
                AtomicFile.WriteAllLines(Path.Combine(options.Out, $"excluded_{list.Split}.txt"), list.Excluded.Select(r => r.ClipName));
            reports.Add(new SplitReport(
                list.Split, list.CsvRows + list.Excluded.Count, kept.Count, list.Missing.Count,
                kept.Count(e => e.IsReplacement),
                list.Entries.Count - kept.Count,
                FewestClips(kept, labels),
                list.Excluded.Count));
        }
        AtomicFile.WriteAllLines(Path.Combine(options.Out, DatasetRoot.LabelsFileName), labels.Names);
        return (reports, shrunk);
    }

    /// <summary>lists/index.csv of the clips listed, and for a root the provenance manifest of every annotation row.</summary>
    private async Task WriteIndexAndManifestAsync(
        IReadOnlyList<SplitList> lists, CorruptClips corrupt, IReadOnlyDictionary<string, LabelMatch> resolved, CancellationToken cancellationToken)
    {
        var indexed = lists.SelectMany(l => l.Entries.Where(e => !corrupt.Holds(e)).Select(e => (l.Split, e))).ToList();
        // Each index row is made as it is written, and the manifest reads them back: 300k of them held at once would
        // be the run's peak.
        await ClipIndexFile.WriteAsync(options.Out, Probe.FactsAsync(indexed, DisplayPath, cancellationToken), cancellationToken);
        if (options.ManifestRoot is not { } root)
            return;
        var sources = new ManifestSources(root);
        ManifestWriter.Write(options.Out, sources, ManifestRows.Of(lists, resolved, corrupt, ClipIndexFile.Rows(options.Out), sources, DisplayPath));
    }

    /// <summary>How many clips each split's list held before this run, in the format this run writes; an unreadable list counts as none.</summary>
    private Dictionary<string, int> ListedBefore()
    {
        var labels = ListReader.Labels(options.Out);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (split, format) in ListReader.Written(options.Out).Where(w => w.Format == options.Format))
        {
            try
            {
                counts[split] = format.Count(format.PathFor(options.Out, split), labels);
            }
            catch (Exception e) when (e is FormatException or IOException or KineticsPrepException)
            {
                // Not a list this tool wrote: nothing to compare with.
            }
        }
        return counts;
    }

    /// <summary>Each split's rows matched to the clips under the videos folder. The folder's index is a local here, so
    /// that it is gone before the index and manifest are written: at 300k clips it is large.</summary>
    private List<SplitList> MatchAll(
        IReadOnlyList<RepeatedRows.Split> splits, IReadOnlyDictionary<string, LabelMatch> resolved, List<BadRow>? badRows,
        Dictionary<(string CsvLabel, string MapLabel), int> aliases, List<string> ambiguous)
    {
        var index = ClipIndex.Build(options.Videos, options.Replacement);
        return splits
            .Select(s => Match(s.Name, s.Path, Chosen(s.Rows.Where(r => !Excluded(r)).ToList()), resolved, index, badRows, aliases, ambiguous) with
            {
                Excluded = s.Rows.Where(Excluded).ToList(),
            })
            .ToList();
    }

    private bool Excluded(AnnotationRow row) => options.ExcludeIds?.Contains(row.YoutubeId) == true;

    /// <summary>The rows of the subset, after the label map is made from every row (ids stay the full map's).</summary>
    private IReadOnlyList<AnnotationRow> Chosen(IReadOnlyList<AnnotationRow> rows) => options.Subset?.Choose(rows) ?? rows;

    /// <summary>The labels that define the ids: the train CSV's, or every CSV's when there is no train CSV.</summary>
    private static IEnumerable<string> LabelSource(IEnumerable<(string Split, IReadOnlyList<AnnotationRow> Rows)> splits)
    {
        var all = splits.ToList();
        var source = all.Any(s => s.Split == "train") ? all.Where(s => s.Split == "train") : all;
        return source.SelectMany(s => s.Rows).Select(r => r.Label).OfType<string>();
    }

    private static SplitList Match(
        string split, string csvPath, IReadOnlyList<AnnotationRow> rows, IReadOnlyDictionary<string, LabelMatch> resolved, ClipIndex index, List<BadRow>? badRows,
        Dictionary<(string CsvLabel, string MapLabel), int> aliases, List<string> ambiguous)
    {
        var rowsPerId = rows.CountBy(r => r.YoutubeId).ToDictionary(StringComparer.Ordinal);
        var entries = new List<ListedClip>(rows.Count);
        var missing = new List<AnnotationRow>();
        var csvRows = rows.Count;
        foreach (var row in rows)
        {
            var labelId = -1;
            if (row.Label is { } label)
            {
                if (!resolved.TryGetValue(label, out var labelMatch))
                {
                    var bad = new BadRow(csvPath, row.Line, $"label '{label}' is not in the label map");
                    if (badRows is null)
                        throw new AnnotationException($"{bad} (check --labels, or use --skip-bad-rows to leave such rows out)");
                    badRows.Add(bad);
                    csvRows--;
                    continue;
                }
                labelId = labelMatch.Id;
                if (labelMatch.MapName is { } alias)
                    aliases[(label, alias)] = aliases.GetValueOrDefault((label, alias)) + 1;
            }
            if (Find(row, index, rowsPerId, split, ambiguous) is not { } match)
            {
                missing.Add(row);
                continue;
            }
            entries.Add(new ListedClip(match.Folder, labelId, row, match.IsReplacement));
        }
        return new SplitList(split, csvRows, entries, missing);
    }

    /// <summary>
    /// The row's clip under its CVDF name, else under its bare YouTube id as other copies name it (OpenDataLab,
    /// VideoMAEv2's and UniFormerV2's lists) — unless the CSV has several rows for that id, which a bare name cannot tell
    /// apart: that is reported, not guessed.
    /// </summary>
    private static ClipIndex.Match? Find(
        AnnotationRow row, ClipIndex index, Dictionary<string, int> rowsPerId, string split, List<string> ambiguous)
    {
        if (index.Find(row.ClipName, namedById: false) is { } named)
            return named;
        if (index.Find(row.YoutubeId, namedById: true) is not { } bare)
            return null;
        if (rowsPerId[row.YoutubeId] == 1)
            return bare;
        var problem = $"{split}: {bare.Folder.PathOf(row)} could be any of the {rowsPerId[row.YoutubeId]} rows of {row.YoutubeId}";
        if (!ambiguous.Contains(problem))
            ambiguous.Add(problem);
        return null;
    }

    private static IReadOnlyList<ClassCount> FewestClips(IReadOnlyList<ListedClip> entries, LabelMap labels)
    {
        if (entries.All(e => e.LabelId < 0))
            return [];
        var counts = new int[labels.Names.Count];
        foreach (var entry in entries.Where(e => e.LabelId >= 0))
            counts[entry.LabelId]++;
        return counts
            .Select((count, id) => new ClassCount(labels.Names[id], count))
            .OrderBy(c => c.Clips).ThenBy(c => c.Label, StringComparer.Ordinal)
            .Take(FewestClassesReported)
            .ToList();
    }

    private string DisplayPath(string path) =>
        options.RelativeTo is { } root ? Path.GetRelativePath(Path.GetFullPath(root), path) : path;
}
