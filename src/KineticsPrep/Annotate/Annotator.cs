using System.Collections.Concurrent;
using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.Errors;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;

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

        var badRows = options.SkipBadRows ? new List<BadRow>() : null;
        var splits = files.Select(f => (f.Split, f.Path, Rows: AnnotationCsv.Read(f.Path, f.Split, badRows))).ToList();
        var labels = options.Labels is { } labelMap
            ? LabelMap.Load(labelMap)
            : LabelMap.FromLabels(LabelSource(splits.Select(s => (s.Split, s.Rows))));
        var resolved = labels.ResolveAll(splits.SelectMany(s => s.Rows).Select(r => r.Label).OfType<string>());
        var aliases = new Dictionary<(string CsvLabel, string MapLabel), int>();
        var ambiguous = new List<string>();

        var index = ClipIndex.Build(options.Videos, options.Replacement);
        var lists = splits
            .Select(s => Match(s.Split, s.Path, Chosen(s.Rows.Where(r => !Excluded(r)).ToList()), resolved, index, badRows, aliases, ambiguous) with
            {
                Excluded = s.Rows.Where(Excluded).ToList(),
            })
            .ToList();

        var corrupt = options.Check && tools is not null
            ? await FindCorruptAsync(lists.SelectMany(l => l.Entries), tools, cancellationToken)
            : new Dictionary<string, string>();

        Directory.CreateDirectory(options.Out);
        var before = ListedBefore();
        var shrunk = new List<ShrunkList>();
        var reports = new List<SplitReport>();
        foreach (var list in lists)
        {
            var kept = list.Entries.Where(e => !corrupt.ContainsKey(e.Path)).ToList();
            if (before.TryGetValue(list.Split, out var had) && had > kept.Count)
                shrunk.Add(new ShrunkList(list.Split, had, kept.Count));
            options.Format.Write(options.Format.PathFor(options.Out, list.Split), kept, labels.Names, DisplayPath);
            AtomicFile.WriteAllLines(Path.Combine(options.Out, $"missing_{list.Split}.txt"), list.Missing.Select(r => r.ClipName));
            if (options.ExcludeIds is not null)
                AtomicFile.WriteAllLines(Path.Combine(options.Out, $"excluded_{list.Split}.txt"), list.Excluded.Select(r => r.ClipName));
            reports.Add(new SplitReport(
                list.Split, list.CsvRows + list.Excluded.Count, kept.Count, list.Missing.Count,
                kept.Count(e => list.Replaced.Contains(e.Path)),
                list.Entries.Count - kept.Count,
                FewestClips(kept, labels),
                list.Excluded.Count));
        }
        AtomicFile.WriteAllLines(Path.Combine(options.Out, DatasetRoot.LabelsFileName), labels.Names);
        var indexed = lists.SelectMany(l => l.Entries.Where(e => !corrupt.ContainsKey(e.Path)).Select(e => (l.Split, e))).ToList();
        var facts = (await IndexAsync(indexed, cancellationToken)).ToList();
        ClipIndexFile.Write(options.Out, facts);
        if (options.ManifestRoot is { } root)
        {
            var factsOf = indexed.Select((clip, i) => (clip.e.Path, Facts: facts[i])).ToDictionary(c => c.Path, c => c.Facts, StringComparer.Ordinal);
            var sources = new ManifestSources(root);
            ManifestWriter.Write(options.Out, sources, ManifestRows(lists, resolved, corrupt, factsOf, sources));
        }

        var report = new ListsSummary(
            reports, labels.Names.Count, badRows ?? [],
            lists.SelectMany(l => l.Entries.Where(e => corrupt.ContainsKey(e.Path))
                .Select(e => new CorruptClip(l.Split, e.Path, corrupt[e.Path]))).ToList(),
            aliases.Select(a => new AppliedAlias(a.Key.CsvLabel, a.Key.MapLabel, a.Value, resolved[a.Key.CsvLabel].Normalised))
                .OrderBy(a => a.CsvLabel, StringComparer.Ordinal).ToList(),
            ambiguous,
            shrunk,
            options.Format.Name,
            options.Labels ?? "the train CSV's labels, sorted");
        AtomicFile.WriteAllText(Path.Combine(options.Out, DatasetRoot.ListsSummaryFileName), JsonSerializer.Serialize(report, DatasetJson.Indented.ListsSummary));
        return report;
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
                counts[split] = ListReader.Read(options.Out, split, format, labels).Count;
            }
            catch (Exception e) when (e is FormatException or IOException or KineticsPrepException)
            {
                // Not a list this tool wrote: nothing to compare with.
            }
        }
        return counts;
    }

    /// <summary>Every annotation row, with what became of it: a clip listed, corrupt, missing, or excluded.</summary>
    private IEnumerable<ManifestRow> ManifestRows(
        IReadOnlyList<SplitList> lists, IReadOnlyDictionary<string, LabelMatch> resolved, Dictionary<string, string> corrupt, Dictionary<string, ClipFacts> factsOf,
        ManifestSources sources)
    {
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var replaced = list.Replaced.Contains(entry.Path);
                var status = corrupt.ContainsKey(entry.Path) ? "corrupt" : replaced ? "replaced" : "present";
                var source = sources.Source(Path.GetFileNameWithoutExtension(entry.Path), replaced);
                var made = factsOf.GetValueOrDefault(entry.Path);
                yield return new ManifestRow(entry.Row.YoutubeId, entry.Row.TimeStart, entry.Row.TimeEnd, list.Split, entry.Row.Label, entry.LabelId, status,
                    source?.Archive, source?.Bytes, source?.Sha256, DisplayPath(entry.Path), made?.Bytes, sources.OutputSha256(entry.Path),
                    made?.Frames, made?.Fps, made?.Width, made?.Height);
            }
            foreach (var (row, status) in list.Missing.Select(r => (r, "missing")).Concat(list.Excluded.Select(r => (r, "excluded"))))
                yield return new ManifestRow(row.YoutubeId, row.TimeStart, row.TimeEnd, list.Split, row.Label,
                    row.Label is { } label && resolved.TryGetValue(label, out var match) ? match.Id : -1, status,
                    null, null, null, null, null, null, null, null, null, null);
        }
    }

    private bool Excluded(AnnotationRow row) => options.ExcludeIds?.Contains(row.YoutubeId) == true;

    /// <summary>The rows of the subset, after the label map is made from every row (ids stay the full map's).</summary>
    private IReadOnlyList<AnnotationRow> Chosen(IReadOnlyList<AnnotationRow> rows) => options.Subset?.Choose(rows) ?? rows;

    private sealed record SplitList(
        string Split, int CsvRows, IReadOnlyList<ListEntry> Entries, IReadOnlyList<AnnotationRow> Missing, HashSet<string> Replaced)
    {
        /// <summary>The rows left out by --exclude-overlap-with.</summary>
        public IReadOnlyList<AnnotationRow> Excluded { get; init; } = [];
    }

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
        var entries = new List<ListEntry>(rows.Count);
        var missing = new List<AnnotationRow>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
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
            entries.Add(new ListEntry(match.Path, labelId, row));
            if (match.IsReplacement)
                replaced.Add(match.Path);
        }
        return new SplitList(split, csvRows, entries, missing, replaced);
    }

    /// <summary>
    /// The row's clip under its CVDF name, else under its bare YouTube id as other copies name it (OpenDataLab,
    /// VideoMAEv2's and UniFormerV2's lists) — unless the CSV has several rows for that id, which a bare name cannot tell
    /// apart: that is reported, not guessed.
    /// </summary>
    private static ClipIndex.Match? Find(
        AnnotationRow row, ClipIndex index, Dictionary<string, int> rowsPerId, string split, List<string> ambiguous)
    {
        if (index.Find(row.ClipName) is { } named)
            return named;
        if (index.Find(row.YoutubeId) is not { } bare)
            return null;
        if (rowsPerId[row.YoutubeId] == 1)
            return bare;
        var problem = $"{split}: {bare.Path} could be any of the {rowsPerId[row.YoutubeId]} rows of {row.YoutubeId}";
        if (!ambiguous.Contains(problem))
            ambiguous.Add(problem);
        return null;
    }

    /// <summary>
    /// The index row of every listed clip: an mp4's own sample tables are read in-process; any other container, and an
    /// mp4 whose edit list hides frames, is asked of ffprobe (which decodes it) when ffmpeg is there. An empty or
    /// unreadable clip keeps only its bytes.
    /// </summary>
    private async Task<IEnumerable<ClipFacts>> IndexAsync(IReadOnlyList<(string Split, ListEntry Entry)> clips, CancellationToken cancellationToken)
    {
        var bytes = new long[clips.Count];
        var tracks = new VideoTrack?[clips.Count];
        StageRunner.For(clips.Count, options.Workers, i =>
        {
            var file = new FileInfo(clips[i].Entry.Path);
            bytes[i] = file.Exists ? file.Length : 0;
            if (bytes[i] > 0)
                tracks[i] = VideoTrack.ReadMp4(clips[i].Entry.Path);
        }, cancellationToken);
        var unread = Enumerable.Range(0, clips.Count).Where(i => bytes[i] > 0 && tracks[i] is null).ToList();
        if (unread.Count > 0 && tools is { } found)
        {
            var ffprobe = new FFprobe(found.FFprobePath);
            await StageRunner.ForEachAsync(unread, options.Workers, async (i, token) => tracks[i] = await ProbeAsync(ffprobe, clips[i].Entry.Path, token),
                cancellationToken);
        }
        return clips.Select((clip, i) => new ClipFacts(DisplayPath(clip.Entry.Path), clip.Split, clip.Entry.LabelId, tracks[i]?.Frames,
            tracks[i]?.FramesPerSecond, tracks[i]?.DurationSeconds, tracks[i]?.Width, tracks[i]?.Height, bytes[i], tracks[i]?.MaxKeyframeInterval, tracks[i]?.Codec));
    }


    private static async Task<VideoTrack?> ProbeAsync(FFprobe ffprobe, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ffprobe.TrackAsync(path, cancellationToken);
        }
        catch (MediaToolException)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, string>> FindCorruptAsync(
        IEnumerable<ListEntry> entries, MediaTools mediaTools, CancellationToken cancellationToken)
    {
        var ffprobe = new FFprobe(mediaTools.FFprobePath);
        var corrupt = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await StageRunner.ForEachAsync(entries.Select(e => e.Path).Distinct(), options.Workers, async (path, token) =>
        {
            try
            {
                await ffprobe.ProbeAsync(path, token);
            }
            catch (MediaToolException e)
            {
                corrupt[path] = e.Reason;
            }
        }, cancellationToken);
        return new Dictionary<string, string>(corrupt, StringComparer.Ordinal);
    }

    private static IReadOnlyList<ClassCount> FewestClips(IReadOnlyList<ListEntry> entries, LabelMap labels)
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
