namespace KineticsPrep.Running;

/// <summary>
/// The most recent wait to retry among items running at once, for a progress line: the end of a wait clears it only
/// when no other item's wait came after it.
/// </summary>
internal sealed class LatestRetry
{
    private RetryNotice? _notice;

    public RetryNotice? Notice => Volatile.Read(ref _notice);

    public void Update(RetryNotice notice, bool waiting)
    {
        if (waiting)
            Volatile.Write(ref _notice, notice);
        else
            Interlocked.CompareExchange(ref _notice, null, notice);
    }
}
