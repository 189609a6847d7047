using System.Collections.Concurrent;
using System.Threading.Channels;
using KineticsPrep.Annotate;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Extract;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Resize;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// prepare: download, extract, resize and annotate, pipelined per archive. While the next archive downloads, the
/// current one is extracted and its clips resized; archives and originals are deleted as soon as they are used.
/// Every step is recorded in this shard's state store, so a killed run resumes where it stopped.
/// </summary>
public sealed class PreparePipeline(PrepareOptions options, FileDownloader downloader, MediaTools tools)
{
    private readonly StateStore _state = StateStore.Open(options.Root, options.Shard.StateName);
    private readonly ConcurrentQueue<string> _failures = new();
    private DownloadStep? _download;
    private ResizedOutputs? _outputs;

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
        var reencoding = RootSettings.Claim(options, _state, tools);
        var plan = await Planner.PlanAsync(options.Version, options.Splits, options.Root, cancellationToken);
        foreach (var failure in plan.Failures)
            _failures.Enqueue(failure);
        CheckShardCount();
        var mine = options.Shard.Select(plan.Archives.OrderBy(a => a.Key(options.Root), StringComparer.Ordinal));
        _state.RecordPlan(mine.Select(a => (a.Key(options.Root), a.Split, a.Url)));
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
        _subset = SubsetClips(plan.Annotations);

        // Archives that this or any other shard on the same root already finished are not redone, unless one of
        // this shard's has a clip to make again (a failure that may pass, an output changed or deleted by hand).
        _outputs = new ResizedOutputs(options.Root, _state.ResizedClips());
        var audit = ArchiveAudit.Run(_state, mine, options, _outputs, Keeps);
        foreach (var failure in audit.PermanentFailures)
            _failures.Enqueue(failure);
        var processed = ProcessedByAnyShard();
        var remaining = mine.Where(a => !processed.Contains(a.Key(options.Root))).ToList();
        var estimate = await EstimateDiskAsync(remaining, cancellationToken);
        if (!estimate.Fits && !options.Force)
            throw new PrepareRefusedException(
                $"expected peak disk use {Bytes.Format(estimate.PeakBytes)} is more than the {Bytes.Format(estimate.FreeBytes)} free under {options.Root.Path}; {DiskCheckHint}.");
        return new PrepareStart(mine, remaining, estimate, audit.Reopened) { Reencoding = reencoding };
    }

    public async Task<PrepareResult> RunAsync(PrepareStart start, IProgress<PrepareProgress>? progress, CancellationToken cancellationToken)
    {
        var counters = new Counters(start.Archives.Count, start.Archives.Count - start.Remaining.Count, progress);
        await RunStagesAsync(start.Remaining, counters, cancellationToken);

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
        return new PrepareResult(start.Archives.Count, counters.ArchivesDone, _failures.Order(StringComparer.Ordinal).ToList(), lists, Download.Notes);
    }

    /// <summary>
    /// --finalize: checks that the shards together processed every archive of the release, then writes the lists.
    /// </summary>
    /// <exception cref="PrepareRefusedException">Some archives are not processed by any shard yet, or the shards' clips
    /// were made with other output settings.</exception>
    public async Task<PrepareResult> FinalizeAsync(CancellationToken cancellationToken)
    {
        RootSettings.Claim(options with { Reencode = false }, _state, tools);
        var plan = await Planner.PlanAsync(options.Version, options.Splits, options.Root, cancellationToken);
        var processed = ProcessedByAnyShard();
        var missing = plan.Archives.Select(a => a.Key(options.Root)).Where(key => !processed.Contains(key)).ToList();
        if (plan.Failures.Count > 0 || missing.Count > 0)
            throw new PrepareRefusedException(
                $"{missing.Count} archive(s) not processed by any shard yet ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")})"
                + string.Concat(plan.Failures.Select(f => "; " + f)) + ". Run the shards to completion first.");
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
        var lists = options.WriteLists ? await WriteListsAsync(cancellationToken) : null;
        return new PrepareResult(plan.Archives.Count, processed.Count, _failures.Order(StringComparer.Ordinal).ToList(), lists, Download.Notes);
    }

    /// <summary>The release's annotation files, fetched when not yet under the root (for a set of releases, before any archive).</summary>
    public async Task FetchAnnotationsAsync(CancellationToken cancellationToken)
    {
        var plan = await Planner.PlanAsync(options.Version, options.Splits, options.Root, cancellationToken);
        await DownloadAnnotationsAsync(plan.Annotations, cancellationToken);
    }

    /// <summary>The clips the subset keeps, from each split's annotation file; null without a subset.</summary>
    private ClipSelection? SubsetClips(IReadOnlyList<DownloadItem> annotations) =>
        options.Subset is not { } subset ? null
        : new ClipSelection(annotations.Where(a => File.Exists(a.Target))
            .SelectMany(a => subset.Choose(AnnotationCsv.Read(a.Target, a.Split, new List<BadRow>())).Select(r => (a.Split, r.ClipName))));

    private HashSet<string> ProcessedByAnyShard() =>
        StateStore.AllUnder(options.Root).SelectMany(store => store.ProcessedArchives()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Shards of another count on the same root mean a mistake, e.g. a resubmitted task that lost its count.</summary>
    private void CheckShardCount()
    {
        var others = StateStore.AllUnder(options.Root)
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
        }, tools).RunAsync(cancellationToken);
    }

    /// <summary>
    /// The annotation files are shared by every shard on the root: one shard at a time fetches them, and a shard that
    /// finds them fetched (by another) keeps them.
    /// </summary>
    private async Task DownloadAnnotationsAsync(IReadOnlyList<DownloadItem> annotations, CancellationToken cancellationToken)
    {
        using var shared = await WriterLock.WaitAsync(options.Root.StateFolder, "annotations", $"the annotations of {options.Root.Path}", cancellationToken);
        var stores = StateStore.AllUnder(options.Root);
        foreach (var item in annotations.Where(a => !stores.Any(store => DownloadStep.IsRecordedWhole(store, a))))
            await DownloadAsync(item, null, cancellationToken);
    }

    private async Task<DiskEstimate> EstimateDiskAsync(IReadOnlyList<DownloadItem> remaining, CancellationToken cancellationToken)
    {
        var sizes = new ConcurrentBag<long>();
        await StageRunner.ForEachAsync(remaining, 8, async (item, token) =>
            sizes.Add(File.Exists(item.Target) ? new FileInfo(item.Target).Length : await Download.Files.SizeAsync(item.Url, token) ?? 0),
            cancellationToken);
        Directory.CreateDirectory(options.Root.Path);
        return DiskEstimate.For(sizes.ToList(), options, new DriveInfo(options.Root.Path).AvailableFreeSpace);
    }

    private async Task DownloadAheadAsync(
        IReadOnlyList<DownloadItem> archives, ChannelWriter<DownloadItem> ready, Counters counters, CancellationToken cancellationToken)
    {
        try
        {
            await StageRunner.ForEachAsync(archives, options.DownloadJobs, async (archive, token) =>
            {
                var key = archive.Key(options.Root);
                if (_state.IsExtracted(key) || Download.IsDone(archive)
                    || await DownloadAsync(archive, counters, token))
                    await ready.WriteAsync(archive, token);
            }, cancellationToken);
        }
        finally
        {
            ready.Complete();
        }
    }

    private async Task<bool> DownloadAsync(DownloadItem item, Counters? counters, CancellationToken cancellationToken)
    {
        var progress = counters is null ? null : new ItemProgress(counters.AddBytes, counters.Waiting);
        var (_, failure) = await Download.RunAsync(item, progress, cancellationToken);
        progress?.Finished();
        if (failure is not null)
            _failures.Enqueue(failure);
        return failure is null;
    }

    /// <summary>
    /// Three stages joined by bounded channels: archives are downloaded ahead, extracted as they arrive, and their clips
    /// fed to one pool of resize workers, so the cores stay busy across archive boundaries while disk use stays bounded.
    /// </summary>
    private async Task RunStagesAsync(IReadOnlyList<DownloadItem> archives, Counters counters, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = Channel.CreateBounded<DownloadItem>(1);
        var clips = Channel.CreateBounded<ClipWork>(Math.Max(4, 2 * options.Resize.Workers));
        var stages = new[]
        {
            DownloadAheadAsync(archives, ready.Writer, counters, failed.Token),
            ExtractAllAsync(ready.Reader, clips.Writer, counters, failed.Token),
            ResizeAllAsync(clips.Reader, counters, failed.Token),
        };
        foreach (var stage in stages)
            _ = stage.ContinueWith(_ => failed.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        await Task.WhenAll(stages);
    }

    private async Task ExtractAllAsync(ChannelReader<DownloadItem> ready, ChannelWriter<ClipWork> clips, Counters counters, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var archive in ready.ReadAllAsync(cancellationToken))
            {
                var tracker = await ExtractAsync(archive, counters, cancellationToken);
                if (tracker is null)
                    continue;
                if (tracker.Jobs.Count == 0)
                    Finish(tracker, counters);
                foreach (var job in tracker.Jobs)
                    await clips.WriteAsync(new ClipWork(job, tracker), cancellationToken);
            }
        }
        finally
        {
            clips.Complete();
        }
    }

    /// <summary>Extracts an archive (unless already done), deletes it, and lists its clips' resize jobs.</summary>
    private async Task<ArchiveTracker?> ExtractAsync(DownloadItem archive, Counters counters, CancellationToken cancellationToken)
    {
        var key = archive.Key(options.Root);
        var located = ExtractRunner.JobFor(options.Root, archive.Target);
        // Only the clips this run keeps (a subset of classes, a release's share of a set) are written at all.
        var job = located with { Keep = clip => Keeps(located.Split, clip) };
        counters.Current = key;
        var outcome = await Extract.RunAsync(job, null, cancellationToken);
        if (outcome is { Status: ExtractStatus.Failed, Corrupt: true } && await DownloadAgainAsync(archive, counters, cancellationToken))
            outcome = await Extract.RunAsync(job with { Bytes = new FileInfo(archive.Target).Length }, null, cancellationToken);
        if (outcome.Status == ExtractStatus.Failed)
        {
            _failures.Enqueue(outcome.Error!);
            return null;
        }
        foreach (var refused in outcome.Refused)
            _failures.Enqueue($"{key}: refused entry {refused}");
        if (!options.KeepArchives && File.Exists(archive.Target))
            File.Delete(archive.Target);

        var jobs = _state.ClipsOf(key).Where(clip => Keeps(job.Split, clip))
            .Select(clip => (Source: Path.Combine(job.TargetFolder, clip), Output: options.ResizedClip(job.Split, clip)))
            .Select(c => new ResizeJob(c.Source, c.Output, File.Exists(c.Source) ? new FileInfo(c.Source).Length : 0))
            .ToList();
        return new ArchiveTracker(key, job.Split, jobs);
    }

    /// <summary>
    /// An archive that is truncated or corrupt may have been cut or garbled on its way (a server that lied about its
    /// length, a proxy): it is deleted and downloaded once more before it is reported.
    /// </summary>
    private async Task<bool> DownloadAgainAsync(DownloadItem archive, Counters counters, CancellationToken cancellationToken)
    {
        // The extract step has already forgotten its download.
        File.Delete(archive.Target);
        return await DownloadAsync(archive, counters, cancellationToken);
    }

    private async Task ResizeAllAsync(ChannelReader<ClipWork> clips, Counters counters, CancellationToken cancellationToken)
    {
        var resizer = new ResizeStep(new ClipResizer(tools, options.Resize), _state);
        await StageRunner.ForEachAsync(clips.ReadAllAsync(cancellationToken), options.Resize.Workers, async (work, token) =>
        {
            var job = work.Job;
            var clip = Path.GetFileName(job.SourcePath);
            ClipFailure? failure = null;
            if (!Outputs.IsIntact(job.OutputPath))
            {
                if (!File.Exists(job.SourcePath))
                    failure = new ClipFailure(clip, "the extracted original is gone and was never resized", Transient: true);
                else if (await resizer.RunAsync(job, work.Tracker.Split, token) is { Status: ClipStatus.Failed } outcome)
                    failure = new ClipFailure(clip, outcome.Reason ?? "unknown", outcome.Transient);
            }
            counters.ClipDone(failure is not null);
            if (work.Tracker.ClipDone(failure))
                Finish(work.Tracker, counters);
        }, cancellationToken);
    }

    private ResizedOutputs Outputs => _outputs ?? throw new InvalidOperationException("StartAsync comes first");

    /// <summary>All of an archive's clips are resized or failed: delete the originals and record it done.</summary>
    private void Finish(ArchiveTracker tracker, Counters counters)
    {
        var failures = tracker.Failures;
        foreach (var failure in failures)
            _failures.Enqueue($"{tracker.Split}/{failure.Clip}: {failure.Reason}" + (failure.Transient ? " (run again to retry)" : ""));
        if (!options.KeepOriginals)
        {
            foreach (var job in tracker.Jobs.Where(j => File.Exists(j.OutputPath) && File.Exists(j.SourcePath)))
                File.Delete(job.SourcePath);
        }
        _state.RecordProcessed(tracker.Key, tracker.Split, tracker.Jobs.Count, failures);
        counters.ArchiveDone();
    }

    /// <summary>Thread-safe tallies behind <see cref="PrepareProgress"/>.</summary>
    private sealed class Counters(int archives, int archivesDone, IProgress<PrepareProgress>? progress)
    {
        private readonly int _archivesDoneAtStart = archivesDone;
        private int _archivesDone = archivesDone, _clipsDone, _clipsFailed;
        private long _bytes;

        public int ArchivesDone => Volatile.Read(ref _archivesDone);

        public string Current { get; set; } = "";

        private readonly LatestRetry _retry = new();

        public void Waiting(RetryNotice notice, bool waiting)
        {
            _retry.Update(notice, waiting);
            Report();
        }

        public void AddBytes(long bytes)
        {
            Interlocked.Add(ref _bytes, bytes);
            Report();
        }

        public void ClipDone(bool failed)
        {
            Interlocked.Increment(ref failed ? ref _clipsFailed : ref _clipsDone);
            Report();
        }

        public void ArchiveDone()
        {
            Interlocked.Increment(ref _archivesDone);
            Report();
        }

        private void Report() => progress?.Report(new PrepareProgress(archives, _archivesDoneAtStart, ArchivesDone,
            Volatile.Read(ref _clipsDone), Volatile.Read(ref _clipsFailed), Interlocked.Read(ref _bytes), Current)
        {
            Retry = _retry.Notice,
        });
    }
}
