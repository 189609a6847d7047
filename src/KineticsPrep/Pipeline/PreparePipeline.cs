using System.Collections.Concurrent;
using KineticsPrep.Annotate;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Extract;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// prepare: download, extract, resize and annotate, pipelined per archive. While the next archive downloads, the
/// current one is extracted and its clips resized; archives and originals are deleted as soon as they are used.
/// Every step is recorded in this shard's state store, so a killed run resumes where it stopped.
/// </summary>
public sealed partial class PreparePipeline(PrepareOptions options, FileDownloader downloader, MediaTools tools)
{
    private readonly StateStore _state = StateStore.Open(options.Root, options.Shard.StateName);
    private readonly ConcurrentQueue<string> _failures = new();
    private ResizedBatch? _resizedBatch;
    private DownloadStep? _download;
    private ResizedOutputs? _outputs;

    /// <summary>The clips this run makes, on their way to its store.</summary>
    private ResizedBatch Resized => LazyInitializer.EnsureInitialized(ref _resizedBatch, () => new ResizedBatch(_state));

    /// <summary>Downloading one file, recorded in this shard's state store.</summary>
    private DownloadStep Download => _download ??= new DownloadStep(downloader, _state);

    private ExtractStep Extract => new(_state);

    private DownloadPlanner Planner => new(Download.Files, options.Mirror, options.Subset?.Classes);

    /// <summary>The clips of a subset (--classes, --max-per-class), by split and clip name, from the annotation files; null: all.</summary>
    private ClipSelection? _subset;

    /// <summary>Whether this run makes a clip: the options' choice, within the subset.</summary>
    private bool Keeps(string split, string clipFileName) => options.Keeps(split, clipFileName) && _subset?.Contains(split, clipFileName) != false;

    public const string DiskCheckHint = "use --force to start anyway";

    /// <summary>
    /// Reads the release's archive lists, takes this shard's slice, fetches the annotation CSVs and estimates the peak
    /// disk use of what is left to do.
    /// </summary>
    /// <exception cref="PrepareRefusedException">The disk will not fit it (without --force), the shard count clashes, or
    /// the root's clips were made with other output settings.</exception>
    public async Task<PrepareStart> StartAsync(CancellationToken cancellationToken)
    {
        var reencoding = RootSettings.Claim(options, _state, tools, await Toolchain.OfAsync(tools, cancellationToken));
        if (reencoding.Count > 0)
            options = options with { StagingFolder = new Reencode(options.Root).StagingFolder(options.Resize.ShortSide) };
        var plan = await PlanAsync(cancellationToken);
        foreach (var failure in plan.Failures)
            _failures.Enqueue(failure);
        CheckShardCount();
        var mine = options.Shard.Select(plan.Archives.OrderBy(a => a.Key(options.Root), StringComparer.Ordinal));
        _state.RecordPlan(mine.Select(a => (a.Key(options.Root), a.Split, a.Url)));
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
        _subset = SubsetClips(plan.Annotations);

        // Archives that this or any other run on the same root already finished are not redone, unless one of this
        // run's has a clip to make again (a failure that may pass, an output changed or deleted by hand), whichever
        // run (plain or shard) recorded it: the root's lock keeps that run from running now.
        var stores = StoresOfRoot();
        _outputs = new ResizedOutputs(options.Root, stores);
        var audits = stores.Select(store => ArchiveAudit.Run(store, mine, options, _outputs, Keeps)).ToList();
        foreach (var failure in audits.SelectMany(a => a.PermanentFailures))
            _failures.Enqueue(failure);
        var processed = ProcessedByAnyShard();
        var remaining = mine.Where(a => !processed.Contains(a.Key(options.Root))).ToList();
        var estimate = await EstimateDiskAsync(remaining, cancellationToken);
        if (!estimate.Fits && !options.Force)
            throw new PrepareRefusedException(
                $"expected peak disk use {Bytes.Format(estimate.PeakBytes)} is more than the {Bytes.Format(estimate.FreeBytes)} free under {options.Root.Path}; {DiskCheckHint}.");
        return new PrepareStart(mine, remaining, estimate, audits.SelectMany(a => a.Reopened).Distinct().ToList())
        {
            Reencoding = reencoding,
            ExpectedClips = ExpectedClips(plan.Annotations, mine, remaining),
        };
    }

    /// <param name="progress">The archives this run works on, with the clips resized in them as the inner count.</param>
    public async Task<PrepareResult> RunAsync(PrepareStart start, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var doneBefore = start.Archives.Count - start.Remaining.Count;
        var counters = new ProgressTally("archives", start.Remaining.Count, doneBefore, 0, progress, "clips resized") { InnerExpected = start.ExpectedClips };
        counters.Report();
        await RunStagesAsync(start.Remaining, counters, cancellationToken);
        if (options.StagingFolder is not null && !FinishReencode(start.Archives))
            return new PrepareResult(start.Archives.Count, doneBefore + counters.Done, _failures.Order(StringComparer.Ordinal).ToList(), null, Download.Notes);

        // A shard's clips are only part of the dataset: its lists come from --finalize, once every shard is done.
        ListsSummary? lists = null;
        try
        {
            lists = options.Shard.IsWhole && options.WriteLists ? await WriteListsAsync(cancellationToken) : null;
        }
        catch (AnnotationException e)
        {
            // E.g. an annotation CSV that could not be downloaded (listed with the other failures): the clips are kept.
            _failures.Enqueue($"lists not written: {e.Message}");
        }
        return new PrepareResult(start.Archives.Count, doneBefore + counters.Done, _failures.Order(StringComparer.Ordinal).ToList(), lists, Download.Notes);
    }

    /// <summary>
    /// The root takes the re-encoded clips once every archive is processed with no failure that a rerun may fix; else
    /// the old clips and lists stay in force, and the failures say how to go on.
    /// </summary>
    private bool FinishReencode(IReadOnlyList<DownloadItem> archives)
    {
        var processed = _state.ProcessedArchives().ToHashSet(StringComparer.Ordinal);
        var unfinished = archives.Count(a => !processed.Contains(a.Key(options.Root))) + _state.ClipFailures().Count(f => f.Failure.Transient);
        if (unfinished > 0)
        {
            _failures.Enqueue($"the re-encode is not finished ({unfinished} archive(s) or clip(s) to do again): the clips and lists of the old settings " +
                              "stay in force; run the same command again to go on");
            return false;
        }
        var oldShortSide = int.Parse(RunFacts.Recorded(StateStore.AllUnder(options.Root), "--short-side") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        new Reencode(options.Root).Finish(_state, Resize.OutputSettings.Of(options.Resize), oldShortSide, options.Resize.ShortSide);
        options = options with { StagingFolder = null };
        return true;
    }

    /// <summary>
    /// --finalize: checks that the shards together processed every archive of the release, then writes the lists.
    /// </summary>
    /// <exception cref="PrepareRefusedException">Some archives are not processed by any shard yet, or the shards' clips
    /// were made with other output settings.</exception>
    public async Task<PrepareResult> FinalizeAsync(CancellationToken cancellationToken)
    {
        RootSettings.Claim(options with { Reencode = false }, _state, tools, await Toolchain.OfAsync(tools, cancellationToken));
        var plan = await PlanAsync(cancellationToken);
        var processed = ProcessedByAnyShard();
        var missing = plan.Archives.Select(a => a.Key(options.Root)).Where(key => !processed.Contains(key)).ToList();
        if (plan.Failures.Count > 0 || missing.Count > 0)
            throw new PrepareRefusedException(
                $"{missing.Count} archive(s) not processed by any shard yet ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")})"
                + string.Concat(plan.Failures.Select(f => "; " + f)) + ". Run the shards to completion first.");
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
        var lists = options.WriteLists ? await WriteListsAsync(cancellationToken) : null;
        // Clips a shard could not make are missing from the lists: named, so that the exit code says so.
        foreach (var (archive, failure) in StateStore.AllUnder(options.Root, upgrade: true).SelectMany(s => s.ClipFailures()))
            _failures.Enqueue($"{archive}: {failure.Clip}: {failure.Reason}" + (failure.Transient ? " (run the shard, or a plain prepare, again to retry)" : ""));
        return new PrepareResult(plan.Archives.Count, processed.Count, _failures.Order(StringComparer.Ordinal).ToList(), lists, Download.Notes);
    }

    /// <summary>The release's whole plan as the root's stores hold it, read once; null where they hold none.</summary>
    private readonly Lazy<DownloadPlan?> _recordedPlan = new(() => RecordedPlan.Load(options.Root, options.Version, options.Splits, options.Mirror));

    /// <summary>Whether the root's stores hold the release's whole plan: the mirror's lists are not read.</summary>
    public bool KnowsPlan => _recordedPlan.Value is not null;

    /// <summary>The release's archives and annotation files: as earlier runs recorded them when whole, else read from
    /// the mirror's lists (and recorded).</summary>
    private async Task<DownloadPlan> PlanAsync(CancellationToken cancellationToken)
    {
        if (_recordedPlan.Value is { } recorded)
            return recorded;
        var plan = await Planner.PlanAsync(options.Version, options.Splits, options.Root, cancellationToken);
        RecordedPlan.Record(_state, options.Root, plan, options.Mirror);
        return plan;
    }

    /// <summary>The release's annotation files, fetched when not yet under the root (for a set of releases, before any archive).</summary>
    public async Task FetchAnnotationsAsync(CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken);
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
    }

    /// <summary>
    /// The clips the remaining archives should hold: each split's annotation rows (the subset's, with one), shared out
    /// evenly over its archives. Null when no annotation file is there to count, or the run keeps only some clips.
    /// </summary>
    private int? ExpectedClips(IReadOnlyList<DownloadItem> annotations, IReadOnlyList<DownloadItem> mine, IReadOnlyList<DownloadItem> remaining)
    {
        var counted = annotations.Where(a => File.Exists(a.Target)).ToList();
        // A release that is one part of Kinetics-710 makes only some of its rows' clips: no count to go by.
        if (counted.Count == 0 || remaining.Count == 0 || options.KeepClip is not null)
            return null;
        var expected = 0.0;
        foreach (var annotation in counted)
        {
            var archives = mine.Count(a => a.Split == annotation.Split);
            if (archives == 0)
                continue;
            var rows = _subset?.CountIn(annotation.Split) ?? Math.Max(0, File.ReadLines(annotation.Target).Count(line => line.Length > 0) - 1);
            expected += (double)rows * remaining.Count(a => a.Split == annotation.Split) / archives;
        }
        return expected > 0 ? (int)Math.Round(expected) : null;
    }

    /// <summary>The clips the subset keeps, from each split's annotation file; null without a subset.</summary>
    private ClipSelection? SubsetClips(IReadOnlyList<DownloadItem> annotations) =>
        options.Subset is not { } subset ? null
        : new ClipSelection(annotations.Where(a => File.Exists(a.Target))
            .SelectMany(a => subset.Choose(AnnotationCsv.Read(a.Target, a.Split, new List<BadRow>())).Select(r => (a.Split, r.ClipName))));

    /// <summary>This run's store, then every other store of the root, open for writing (to take back their failures).</summary>
    private List<StateStore> StoresOfRoot() =>
        StateStore.AllUnder(options.Root, upgrade: true)
            .Where(store => store.Path != _state.Path)
            .Select(store => StateStore.Open(options.Root, Path.GetFileNameWithoutExtension(store.Path)))
            .Prepend(_state)
            .ToList();

    private HashSet<string> ProcessedByAnyShard() =>
        StateStore.AllUnder(options.Root, upgrade: true).SelectMany(store => store.ProcessedArchives()).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Shards of another count on the same root mean a mistake, e.g. a resubmitted task that lost its count. A plain run
    /// after shards takes over what they left (the root's lock keeps the two from running at once).
    /// </summary>
    private void CheckShardCount()
    {
        if (options.Shard.IsWhole)
            return;
        var others = StateStore.AllUnder(options.Root, upgrade: true)
            .Select(store => Path.GetFileNameWithoutExtension(store.Path))
            .Where(name => Shard.FromStateName(name) is { } other && other.Count != options.Shard.Count)
            .ToList();
        if (others.Count > 0)
            throw new PrepareRefusedException(
                $"{options.Root.Path} already has {string.Join(", ", others)}: run this as one of those shards (--shard I/N, or --shard-count N with a Slurm array) so the slices match");
    }

    /// <summary>
    /// The lists from every resized clip and the annotation CSVs (the annotate formats). A run that got no clips or
    /// no CSVs still writes what it can (every clip missing), or says why not, next to the failures that explain it.
    /// </summary>
    public Task<ListsSummary> WriteListsAsync(CancellationToken cancellationToken)
    {
        var annotations = options.Root.Annotations;
        Directory.CreateDirectory(annotations);
        Directory.CreateDirectory(options.ResizedFolder);
        return new Annotator(new AnnotateOptions(annotations, options.ResizedFolder, options.ListsFolder)
        {
            Format = options.ListFormat,
            Labels = options.Labels,
            ExcludeIds = options.ExcludeIds,
            Subset = options.Subset,
            ManifestRoot = options.Root,
            Release = options.Version,
        }, tools).RunAsync(cancellationToken);
    }

    /// <summary>
    /// The annotation files are shared by every shard on the root: one shard at a time fetches them, and a shard that
    /// finds them fetched (by another) keeps them.
    /// </summary>
    private async Task DownloadAnnotationsAsync(IReadOnlyList<DownloadItem> annotations, CancellationToken cancellationToken)
    {
        using var shared = await WriterLock.WaitAsync(options.Root.StateFolder, "annotations", $"the annotations of {options.Root.Path}", cancellationToken);
        var stores = StateStore.AllUnder(options.Root, upgrade: true);
        foreach (var item in annotations.Where(a => !stores.Any(store => DownloadStep.IsRecordedWhole(store, a))))
            await DownloadAsync(item, null, cancellationToken);
    }

    private async Task<DiskEstimate> EstimateDiskAsync(IReadOnlyList<DownloadItem> remaining, CancellationToken cancellationToken)
    {
        var sizes = await ArchiveSizes.OfAsync(remaining, Download.Files, cancellationToken);
        Directory.CreateDirectory(options.Root.Path);
        return DiskEstimate.For(sizes, options, new DriveInfo(options.Root.Path).AvailableFreeSpace);
    }
}
