using System.Threading.Channels;
using KineticsPrep.Running;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class StageRunnerTests
{
    private sealed class Recorder : IProgress<StageProgress>
    {
        public List<StageProgress> Reports { get; } = [];

        public void Report(StageProgress value)
        {
            lock (Reports)
                Reports.Add(value);
        }
    }

    [Fact]
    public async Task Batches_from_a_channel_share_what_is_waiting_among_the_workers_and_never_wait_for_more()
    {
        var channel = Channel.CreateUnbounded<int>();
        foreach (var item in Enumerable.Range(1, 20))
            channel.Writer.TryWrite(item);
        await using var batches = StageRunner.Batches(channel.Reader, workers: 2, max: 8, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(Enumerable.Range(1, 8), batches.Current);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(Enumerable.Range(9, 6), batches.Current); // 12 waiting, for two workers
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(Enumerable.Range(15, 3), batches.Current);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal(Enumerable.Range(18, 2), batches.Current);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal([20], batches.Current);

        var next = batches.MoveNextAsync().AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        channel.Writer.TryWrite(21);
        Assert.True(await next);
        Assert.Equal([21], batches.Current);
        channel.Writer.Complete();
        Assert.False(await batches.MoveNextAsync());
    }

    [Fact]
    public async Task Tallies_count_each_batchs_units_and_the_amount_ends_at_the_total_whatever_the_steps_reported()
    {
        var batches = new[] { new[] { 1, 2, 3 }, new[] { 4, 5 }, new[] { -6 } };
        var recorder = new Recorder();

        var outcomes = await StageRunner.RunAsync(batches,
            new StageOptions<int[]>("clips", 2, AlreadyDone: 7) { Count = b => b.Length, Size = b => 100 * b.Length },
            (batch, amount, _) =>
            {
                amount.Report(10); // part of the batch's amount, as a download reports bytes as they come
                return Task.FromResult(batch);
            },
            batch => (batch.Count(n => n > 0), batch.Count(n => n < 0)), recorder, CancellationToken.None);

        Assert.Equal(3, outcomes.Count);
        var last = recorder.Reports.OrderBy(r => r.AmountDone).ThenBy(r => r.Finished).Last();
        Assert.Equal(new StageProgress("clips", 6, 7, 5, 1, 600, 600), last);
        Assert.Equal(new StageProgress("clips", 6, 7, 0, 0, 600, 0), recorder.Reports[0]);
        Assert.Equal(TimeSpan.Zero, last.TimeLeft(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void The_time_left_is_the_amount_left_at_the_pace_of_the_amount_done_else_the_items()
    {
        var byBytes = new StageProgress("files", 4, 0, 1, 0, Amount: 400, AmountDone: 100);
        var byItems = new StageProgress("files", 4, 0, 1, 0, Amount: 0, AmountDone: 5000);

        Assert.Equal(TimeSpan.FromSeconds(30), byBytes.TimeLeft(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(30), byItems.TimeLeft(TimeSpan.FromSeconds(10)));
        Assert.Null((StageProgress.None("files") with { Items = 3 }).TimeLeft(TimeSpan.FromSeconds(10)));
        Assert.Equal(0.25, byBytes.Fraction);
    }

    [Fact]
    public async Task Cancellation_stops_the_loop_with_an_operation_canceled_exception()
    {
        using var cancel = new CancellationTokenSource();
        var started = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StageRunner.RunAsync(Enumerable.Range(0, 100).ToList(),
            new StageOptions<int>("items", 1),
            async (_, _, token) =>
            {
                if (Interlocked.Increment(ref started) == 3)
                    await cancel.CancelAsync();
                await Task.Delay(1, token);
                return 0;
            },
            _ => (1, 0), null, cancel.Token));

        Assert.InRange(started, 3, 4);
    }
}
