namespace KineticsPrep.Running;

/// <summary>Calls an action on the reporting thread, unlike <see cref="Progress{T}"/>, which posts to a context.</summary>
public sealed class DelegateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
