using KineticsPrep.State;

namespace KineticsPrep.Resize;

/// <summary>
/// Resizing one clip and recording what it made in the state store (its size and time, to notice a clip changed by
/// hand later): the one step that both <c>resize</c> and <c>prepare</c> take for each clip. With a
/// <paramref name="batch"/> (prepare), the records go to the store a batch at a time.
/// </summary>
public sealed class ResizeStep(ClipResizer resizer, StateStore state, ResizedBatch? batch = null)
{
    /// <param name="split">The split the clip belongs to, as the store counts it.</param>
    public async Task<ClipOutcome> RunAsync(ResizeJob job, string split, CancellationToken cancellationToken)
    {
        var outcome = await resizer.ResizeAsync(job, cancellationToken);
        if (outcome is { Status: not ClipStatus.Failed, Source: { } source, Size: { } size, Made: { } made })
        {
            var clip = new ResizedClip(state.Root.Key(job.OutputPath), split, Math.Min(source.DisplayWidth, source.DisplayHeight),
                source.DurationSeconds, Math.Min(size.Width, size.Height), made.Bytes, made.ModifiedTicks, made.Sha256);
            if (batch is not null)
                batch.Add(clip, job.OutputPath);
            else
                state.RecordResized(clip);
        }
        return outcome;
    }
}
