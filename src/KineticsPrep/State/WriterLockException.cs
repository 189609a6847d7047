namespace KineticsPrep.State;

/// <summary>Another run is writing the same root or shard, or the root cannot be written at all.</summary>
public sealed class WriterLockException(string message) : KineticsPrepException(message, isFatal: true);
