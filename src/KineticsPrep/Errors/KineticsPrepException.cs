namespace KineticsPrep.Errors;

/// <summary>
/// The base of every error kinetics-prep reports. A fatal one stops the whole run: the command exits with code 2 and
/// its message, and everything finished so far is kept. The others fail one item (a file, an archive, a clip), which
/// is listed while the rest goes on (exit code 1). Inner exceptions are kept.
/// </summary>
public abstract class KineticsPrepException(string message, bool isFatal, Exception? inner = null) : Exception(message, inner)
{
    public bool IsFatal { get; } = isFatal;
}
