using KineticsPrep.Errors;

namespace KineticsPrep.State;

/// <summary>Another run is writing the same root or shard (<see cref="Held"/>), or the root cannot be written at all.</summary>
public sealed class WriterLockException(bool held, string message) : KineticsPrepException(message, isFatal: true)
{
    /// <summary>Another run holds the lock: waiting may help, unlike for a root that cannot be written.</summary>
    public bool Held { get; } = held;
}
