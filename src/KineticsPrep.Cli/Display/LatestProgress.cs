namespace KineticsPrep.Cli.Display;

/// <summary>Keeps the most recent report so a display can poll it at its own pace.</summary>
internal sealed class LatestProgress<T>(T initial) : IProgress<T> where T : class
{
    private T _latest = initial;
    private volatile bool _reported;

    public T Latest => Volatile.Read(ref _latest);

    /// <summary>Whether the work has said anything yet: until then it is still finding what to do.</summary>
    public bool Reported => _reported;

    public void Report(T value)
    {
        Volatile.Write(ref _latest, value);
        _reported = true;
    }
}
