namespace KineticsPrep.Cli.Display;

/// <summary>Keeps the most recent report so a display can poll it at its own pace.</summary>
internal sealed class LatestProgress<T>(T initial) : IProgress<T> where T : class
{
    private T _latest = initial;

    public T Latest => Volatile.Read(ref _latest);

    public void Report(T value) => Volatile.Write(ref _latest, value);
}
