using KineticsPrep.Errors;

namespace KineticsPrep.Pipeline;

/// <summary>The run should not start: not enough disk, or shards not finished before --finalize.</summary>
public sealed class PrepareRefusedException(string message) : KineticsPrepException(message, isFatal: true);
