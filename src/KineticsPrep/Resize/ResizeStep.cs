using KineticsPrep.State;

namespace KineticsPrep.Resize;

/// <summary>
/// Resizing clips and recording what each one made in the state store (its size and time, to notice a clip changed by
/// hand later): the one step that both <c>resize</c> and <c>prepare</c> take. With a <paramref name="batch"/>
/// (prepare), the records go to the store a batch at a time.
/// </summary>
public sealed class ResizeStep(ClipResizer resizer, StateStore state, ResizedBatch? batch = null)
{
    /// <returns>Each job's outcome, in the order of <paramref name="jobs"/>.</returns>
    public async Task<IReadOnlyList<ClipOutcome>> RunAsync(IReadOnlyList<ResizeJob> jobs, CancellationToken cancellationToken)
    {
        var outcomes = await resizer.ResizeAsync(jobs, cancellationToken);
        foreach (var outcome in outcomes)
            Record(outcome);
        return outcomes;
    }

    private void Record(ClipOutcome outcome)
    {
        if (outcome is not { Status: not ClipStatus.Failed, Source: { } source, Size: { } size, Made: { } made })
            return;
        var job = outcome.Job;
        var clip = new ResizedClip(state.Root.Key(job.OutputPath), SplitOf(job), Math.Min(source.DisplayWidth, source.DisplayHeight),
            source.DurationSeconds, Math.Min(size.Width, size.Height), made.Bytes, made.ModifiedTicks, made.Sha256);
        if (batch is not null)
            batch.Add(clip, job.OutputPath);
        else
            state.RecordResized(clip);
    }

    /// <summary>The folder a clip is made in stands for its split (DST/train/x.mp4: train), as the store counts it.</summary>
    private static string SplitOf(ResizeJob job) => Path.GetFileName(Path.GetDirectoryName(job.OutputPath))!;
}
