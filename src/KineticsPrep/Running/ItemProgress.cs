namespace KineticsPrep.Running;

/// <summary>
/// What one item of a stage reports as it goes: the amount it gets through (bytes, negative when a restart throws
/// some away), and when it waits to retry. Amount after a retry notice means the wait is over.
/// </summary>
/// <param name="retry">Told of a wait (true) and of its end (false).</param>
public sealed class ItemProgress(Action<long> amount, Action<RetryNotice, bool> retry) : IProgress<long>
{
    private RetryNotice? _waiting;

    /// <summary>Reports nothing.</summary>
    public static ItemProgress None { get; } = new(_ => { }, (_, _) => { });

    public void Report(long value)
    {
        Finished();
        amount(value);
    }

    public void Retrying(RetryNotice notice)
    {
        Finished();
        _waiting = notice;
        retry(notice, true);
    }

    /// <summary>The item is finished: a wait it reported is over.</summary>
    public void Finished()
    {
        if (Interlocked.Exchange(ref _waiting, null) is { } over)
            retry(over, false);
    }
}
