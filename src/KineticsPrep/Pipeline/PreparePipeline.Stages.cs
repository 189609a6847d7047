using System.Threading.Channels;
using KineticsPrep.Download;
using KineticsPrep.Extract;
using KineticsPrep.Resize;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// prepare's run: three stages joined by bounded channels (download ahead, extract, resize), each archive recorded
/// done once all its clips are resized or failed.
/// </summary>
public sealed partial class PreparePipeline
{
    private async Task DownloadAheadAsync(
        IReadOnlyList<DownloadItem> archives, ChannelWriter<DownloadItem> ready, ProgressTally counters, CancellationToken cancellationToken)
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

    private async Task<bool> DownloadAsync(DownloadItem item, ProgressTally? counters, CancellationToken cancellationToken)
    {
        var progress = counters?.Item();
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
    private async Task RunStagesAsync(IReadOnlyList<DownloadItem> archives, ProgressTally counters, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = Channel.CreateBounded<DownloadItem>(1);
        // Room for a full batch per worker, so that each ffmpeg gets as many clips as it can take.
        var clips = Channel.CreateBounded<ClipWork>(Math.Max(1, options.Resize.Workers) * ClipResizer.MaxBatch);
        var stages = new[]
        {
            DownloadAheadAsync(archives, ready.Writer, counters, failed.Token),
            ExtractAllAsync(ready.Reader, clips.Writer, counters, failed.Token),
            ResizeAllAsync(clips.Reader, counters, failed.Token),
        };
        foreach (var stage in stages)
            _ = stage.ContinueWith(_ => failed.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            await Task.WhenAll(stages);
        }
        finally
        {
            // Stopped (SIGTERM, a full disk) or done: the clips made so far are kept.
            Resized.Flush();
        }
    }

    private async Task ExtractAllAsync(ChannelReader<DownloadItem> ready, ChannelWriter<ClipWork> clips, ProgressTally counters, CancellationToken cancellationToken)
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
    private async Task<ArchiveTracker?> ExtractAsync(DownloadItem archive, ProgressTally counters, CancellationToken cancellationToken)
    {
        var key = archive.Key(options.Root);
        var located = ExtractRunner.JobFor(options.Root, archive.Target);
        // Only the clips this run keeps (a subset of classes, a release's share of a set) are written at all.
        var job = located with { Keep = clip => Keeps(located.Split, clip) };
        counters.Start(key);
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
    private async Task<bool> DownloadAgainAsync(DownloadItem archive, ProgressTally counters, CancellationToken cancellationToken)
    {
        // The extract step has already forgotten its download.
        File.Delete(archive.Target);
        return await DownloadAsync(archive, counters, cancellationToken);
    }

    private async Task ResizeAllAsync(ChannelReader<ClipWork> clips, ProgressTally counters, CancellationToken cancellationToken)
    {
        var resizer = new ResizeStep(new ClipResizer(tools, options.Resize, flushesEachClip: false), _state, Resized);
        var workers = options.Resize.Workers;
        await StageRunner.ForEachAsync(StageRunner.Batches(clips, workers, ClipResizer.MaxBatch, cancellationToken), workers, async (batch, token) =>
        {
            var failures = new ClipFailure?[batch.Length];
            var toMake = new List<int>();
            for (var i = 0; i < batch.Length; i++)
            {
                var job = batch[i].Job;
                if (Outputs.IsIntact(job.OutputPath, unrecordedIsWhole: !File.Exists(job.SourcePath)))
                    continue;
                if (File.Exists(job.SourcePath))
                    toMake.Add(i);
                else
                    failures[i] = new ClipFailure(Path.GetFileName(job.SourcePath), "the extracted original is gone and was never resized", Transient: true);
            }
            var outcomes = toMake.Count == 0 ? [] : await resizer.RunAsync(toMake.Select(i => batch[i].Job).ToList(), token);
            for (var k = 0; k < toMake.Count; k++)
            {
                if (outcomes[k] is { Status: ClipStatus.Failed } outcome)
                    failures[toMake[k]] = new ClipFailure(Path.GetFileName(outcome.Job.SourcePath), outcome.Reason ?? "unknown", outcome.Transient);
            }
            for (var i = 0; i < batch.Length; i++)
            {
                counters.InnerFinished(failures[i] is not null);
                if (batch[i].Tracker.ClipDone(failures[i]))
                    Finish(batch[i].Tracker, counters);
            }
        }, cancellationToken);
    }

    private ResizedOutputs Outputs => _outputs ?? throw new InvalidOperationException("StartAsync comes first");

    /// <summary>All of an archive's clips are resized or failed: record its clips, delete the originals and record it done.</summary>
    private void Finish(ArchiveTracker tracker, ProgressTally counters)
    {
        Resized.Flush();
        var failures = tracker.Failures;
        foreach (var failure in failures)
            _failures.Enqueue($"{tracker.Split}/{failure.Clip}: {failure.Reason}" + (failure.Transient ? " (run again to retry)" : ""));
        if (!options.KeepOriginals)
        {
            foreach (var job in tracker.Jobs.Where(j => File.Exists(j.OutputPath) && File.Exists(j.SourcePath)))
                File.Delete(job.SourcePath);
        }
        _state.RecordProcessed(tracker.Key, tracker.Split, tracker.Jobs.Count, failures);
        counters.Finish(1, 0);
    }
}
