using KineticsPrep.Errors;

namespace KineticsPrep.Download;

/// <summary>
/// The mirror cannot be reached at all (connection refused, a name that does not resolve, a folder that does not
/// exist): a mistake in --mirror or the network, reported at once, before any work, instead of retried for an hour.
/// </summary>
public sealed class MirrorUnreachableException(string message, Exception? inner = null) : KineticsPrepException(message, isFatal: true, inner);
