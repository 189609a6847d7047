using System.Collections.Concurrent;
using System.Diagnostics;
using KineticsPrep.Media;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Resize;

/// <summary>
/// Resizes clips several at once, skipping finished ones. With a state store, each clip made and each failure is
/// recorded there too (under the store's root), so that <c>status</c> and <c>report</c> show the run.
/// </summary>
public sealed class ResizeRunner(MediaTools tools, ResizeOptions options, StateStore? state = null)
{
    /// <summary>Every video under <paramref name="source"/>, into <paramref name="destination"/>; failures are also logged there.</summary>
    /// <exception cref="DirectoryNotFoundException">The source folder does not exist.</exception>
    public async Task<ResizeSummary> RunAsync(
        string source, string destination, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source))
            throw new DirectoryNotFoundException($"Source folder not found: {source}");
        return await RunAsync(VideoFinder.Find(source, destination, options.Extensions), destination, progress, cancellationToken);
    }

    /// <summary>The videos a <see cref="VideoFinder"/> scan found, into <paramref name="destination"/>.</summary>
    /// <exception cref="OutputSettingsClashException">The destination's clips were made with other settings, and this is
    /// not a run that redoes them (<see cref="ResizeOptions.Overwrite"/>).</exception>
    public async Task<ResizeSummary> RunAsync(
        VideoFinder.Scan scan, string destination, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        // Fails here, before any work, when the destination cannot be a folder.
        Directory.CreateDirectory(destination);
        // The toolchain is asked of ffmpeg (two runs) only when there is a store to record it in.
        if (state is { } store)
            ClaimSettings(store, destination, await Toolchain.OfAsync(tools, cancellationToken));
        var outcomes = new ConcurrentBag<ClipOutcome>();
        try
        {
            var summary = await RunJobsAsync(scan.Jobs, progress, outcomes, cancellationToken);
            return summary with { IgnoredDuplicates = scan.IgnoredDuplicates, FailureLogPath = FailureLog.PathFor(destination) };
        }
        finally
        {
            FailureLog.Write(destination, outcomes.Where(o => o.Status == ClipStatus.Failed));
        }
    }

    /// <summary>A destination keeps the settings its clips were made with, in the store of the root it lies in.</summary>
    private void ClaimSettings(StateStore store, string destination, Toolchain toolchain)
    {
        var wanted = OutputSettings.Of(options, store.Root.Key(destination));
        var changes = SettingChange.Between([store], wanted);
        if (changes.Count > 0 && !options.Overwrite)
            throw new OutputSettingsClashException(
                SettingChange.Refusal(destination, changes, "clips and lists", "--reencode to make the clips again with the new settings", "resize into another DST"));
        store.RecordSettings(wanted, replace: changes.Count > 0);
        store.RecordSettings(RunFacts.Of(null, tools.Version.ToString(), toolchain.Describe()), replace: true);
    }

    private async Task<ResizeSummary> RunJobsAsync(
        IReadOnlyList<ResizeJob> jobs, IProgress<StageProgress>? progress, ConcurrentBag<ClipOutcome> outcomes, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var pending = jobs.Where(job => options.Overwrite || !File.Exists(job.OutputPath)).ToList();
        var alreadyDone = jobs.Count - pending.Count;

        var resizer = new ClipResizer(tools, options);
        var step = state is null ? null : new ResizeStep(resizer, state);
        // Largest first, so the last clips to finish are short ones and no core idles long at the end.
        var ordered = pending.OrderByDescending(job => job.SourceBytes).ThenBy(job => job.SourcePath, StringComparer.Ordinal).ToList();
        var batches = ordered.Chunk(StageRunner.BatchSize(ordered.Count, options.Workers, ClipResizer.MaxBatch)).ToList();
        await StageRunner.RunAsync(batches, new StageOptions<ResizeJob[]>("clips", options.Workers, alreadyDone)
        {
            Count = batch => batch.Length,
            Size = batch => batch.Sum(job => job.SourceBytes),
            Name = batch => Path.GetFileName(batch[0].SourcePath),
        },
            async (batch, _, token) =>
            {
                var made = step is null ? await resizer.ResizeAsync(batch, token) : await step.RunAsync(batch, token);
                foreach (var outcome in made)
                {
                    if (outcome.Status == ClipStatus.Failed)
                        state?.RecordFailure(state.Root.Key(outcome.Job.OutputPath), "resize", outcome.Reason ?? "unknown");
                    outcomes.Add(outcome);
                }
                return made;
            },
            made => (made.Count(o => o.Status != ClipStatus.Failed), made.Count(o => o.Status == ClipStatus.Failed)), progress, cancellationToken);

        return new ResizeSummary(
            Found: jobs.Count,
            AlreadyDone: alreadyDone,
            Encoded: outcomes.Count(o => o.Status == ClipStatus.Encoded),
            Copied: outcomes.Count(o => o.Status == ClipStatus.Copied),
            Failures: outcomes.Where(o => o.Status == ClipStatus.Failed)
                .OrderBy(o => o.Job.SourcePath, StringComparer.Ordinal).ToList(),
            IgnoredDuplicates: [],
            FailureLogPath: null,
            Elapsed: stopwatch.Elapsed);
    }
}
