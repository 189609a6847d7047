namespace KineticsPrep.Running;

/// <summary>
/// The thread-safe counts behind a <see cref="StageProgress"/>, reported on every change: items started, finished
/// and failed, the amount done, the latest wait to retry, and units inside the items when a stage has them. Every
/// stage's run (<see cref="StageRunner"/>) and prepare's pipeline count with one of these.
/// </summary>
/// <param name="inner">The unit of what the items hold ("clips resized"); null when they hold nothing counted.</param>
public sealed class ProgressTally(string unit, int items, int alreadyDone, long amount, IProgress<StageProgress>? progress, string? inner = null)
{
    private readonly LatestRetry _retry = new();
    private int _done, _failed, _innerDone, _innerFailed;
    private long _amountDone;
    private string? _current;

    public int Done => Volatile.Read(ref _done);

    /// <summary>The units inside the items this run should finish, when known: the time left is counted in them.</summary>
    public int? InnerExpected { get; init; }

    public void Start(string name)
    {
        Volatile.Write(ref _current, name);
        Report();
    }

    public void Waiting(RetryNotice notice, bool waiting)
    {
        _retry.Update(notice, waiting);
        Report();
    }

    public void AddAmount(long bytes)
    {
        Interlocked.Add(ref _amountDone, bytes);
        Report();
    }

    public void Finish(int done, int failed, long remainingAmount = 0)
    {
        Interlocked.Add(ref _done, done);
        Interlocked.Add(ref _failed, failed);
        AddAmount(remainingAmount);
    }

    /// <summary>One unit inside an item is finished.</summary>
    public void InnerFinished(bool failed)
    {
        Interlocked.Increment(ref failed ? ref _innerFailed : ref _innerDone);
        Report();
    }

    /// <summary>An <see cref="ItemProgress"/> that adds to this tally.</summary>
    public ItemProgress Item(Action<long>? amount = null) => new(bytes =>
    {
        amount?.Invoke(bytes);
        AddAmount(bytes);
    }, Waiting);

    public void Report() => progress?.Report(new StageProgress(
        unit, items, alreadyDone, Volatile.Read(ref _done), Volatile.Read(ref _failed), amount, Interlocked.Read(ref _amountDone))
    {
        Current = Volatile.Read(ref _current),
        Retry = _retry.Notice,
        Inner = inner is null ? null : new InnerCount(inner, Volatile.Read(ref _innerDone), Volatile.Read(ref _innerFailed)) { Expected = InnerExpected },
    });
}
