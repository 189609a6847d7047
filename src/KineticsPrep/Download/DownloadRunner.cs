using KineticsPrep.Dataset;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Download;

/// <summary>
/// Downloads a Kinetics release's archives (from the per-split list files), its annotation CSVs and, for K400, the
/// replacement archive into ROOT/archives/&lt;split&gt;/ and ROOT/annotations/, several files at once. Files already
/// recorded as complete, or already extracted, are skipped.
/// </summary>
/// <param name="classes">A subset of classes: a release with an archive per class (K600) fetches only theirs.</param>
public sealed class DownloadRunner(StateStore state, FileDownloader downloader, Mirror mirror, int jobs, IReadOnlySet<string>? classes = null)
{
    /// <summary>Into the store's root.</summary>
    public async Task<DownloadSummary> RunAsync(
        DatasetVersion version, IReadOnlyList<string> splits, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var step = new DownloadStep(downloader, state);
        var plan = await new DownloadPlanner(step.Files, mirror, classes).PlanAsync(version, splits, state.Root, cancellationToken);
        var items = plan.Annotations.Concat(plan.Archives).ToList();
        var pending = items.Where(item => !step.IsDone(item)).ToList();
        var outcomes = await StageRunner.RunAsync(pending, new StageOptions<DownloadItem>("files", jobs, items.Count - pending.Count) { Name = item => Path.GetFileName(item.Target) },
            step.RunAsync, outcome => outcome.Result is null ? (0, 1) : (1, 0), progress, cancellationToken);
        var failures = plan.Failures.Concat(outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!)).Order(StringComparer.Ordinal).ToList();
        return new DownloadSummary(items.Count, outcomes.Count(o => o.Result is not null), items.Count - pending.Count, failures, step.Notes);
    }
}
