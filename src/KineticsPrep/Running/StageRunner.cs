using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace KineticsPrep.Running;

/// <summary>
/// The one parallel loop of the library: runs a step over many items, several at once, with cancellation; and, for a
/// stage, keeps the tallies and reports a <see cref="StageProgress"/> as items finish (<see cref="ProgressTally"/>).
/// </summary>
public static class StageRunner
{
    /// <summary>Runs <paramref name="body"/> for every item, at most <paramref name="workers"/> at once (at least one).</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int workers, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, Options(workers, cancellationToken), body);

    /// <inheritdoc cref="ForEachAsync{T}(IEnumerable{T}, int, Func{T, CancellationToken, ValueTask}, CancellationToken)"/>
    public static Task ForEachAsync<T>(IAsyncEnumerable<T> items, int workers, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, Options(workers, cancellationToken), body);

    /// <summary>How many items to a batch when work is done a batch at a time: enough batches that every worker gets
    /// some, none over <paramref name="max"/> (what one failed batch costs to do again item by item).</summary>
    public static int BatchSize(int items, int workers, int max) =>
        Math.Clamp((items + Math.Max(1, workers) - 1) / Math.Max(1, workers), 1, max);

    /// <summary>
    /// The channel's items in batches, as each is asked for: what is waiting, shared among the workers as
    /// <see cref="BatchSize"/> does, never more than <paramref name="max"/>. It waits for a first item, never for more.
    /// </summary>
    public static async IAsyncEnumerable<T[]> Batches<T>(
        ChannelReader<T> reader, int workers, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            var size = BatchSize(reader.CanCount ? reader.Count : 1, workers, max);
            var batch = new List<T>(size);
            while (batch.Count < size && reader.TryRead(out var item))
                batch.Add(item);
            if (batch.Count > 0)
                yield return [.. batch];
        }
    }

    /// <summary>
    /// Runs a short, synchronous <paramref name="body"/> for 0 to <paramref name="count"/> - 1, at most
    /// <paramref name="workers"/> at once: for many small items (a stat per clip), where a task per item costs more.
    /// </summary>
    public static void For(int count, int workers, Action<int> body, CancellationToken cancellationToken) =>
        Parallel.For(0, count, Options(workers, cancellationToken), body);

    private static ParallelOptions Options(int workers, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken };

    /// <summary>
    /// Runs a stage's <paramref name="step"/> over its items. The step may report the amount it gets through as it
    /// goes (bytes), and waits to retry; when an item finishes, whatever of its <see cref="StageOptions{TItem}.Size"/> it did not report
    /// is counted, so the amount done ends at the total.
    /// </summary>
    /// <param name="tally">How many units of work an outcome finished well and how many failed (a batch counts its clips).</param>
    /// <returns>Every outcome, in the order the items finished.</returns>
    public static async Task<IReadOnlyList<TOutcome>> RunAsync<TItem, TOutcome>(
        IReadOnlyList<TItem> items,
        StageOptions<TItem> options,
        Func<TItem, ItemProgress, CancellationToken, Task<TOutcome>> step,
        Func<TOutcome, (int Done, int Failed)> tally,
        IProgress<StageProgress>? progress,
        CancellationToken cancellationToken)
    {
        var tallies = new ProgressTally(options.Unit, items.Sum(options.CountOf), options.AlreadyDone, items.Sum(options.SizeOf), progress);
        tallies.Report();
        var outcomes = new List<TOutcome>(items.Count);
        await ForEachAsync(items, options.Workers, async (item, token) =>
        {
            long reported = 0;
            var itemProgress = tallies.Item(bytes => Interlocked.Add(ref reported, bytes));
            if (options.Name is { } name)
                tallies.Start(name(item));
            var outcome = await step(item, itemProgress, token);
            itemProgress.Finished();
            lock (outcomes)
                outcomes.Add(outcome);
            var (done, failed) = tally(outcome);
            tallies.Finish(done, failed, Math.Max(0, options.SizeOf(item) - Interlocked.Read(ref reported)));
        }, cancellationToken);
        return outcomes;
    }
}
