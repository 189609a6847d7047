using KineticsPrep.Errors;

namespace KineticsPrep.Dataset;

/// <summary>A manifest given to compare or verify that does not parse: the file, the line and what was wrong.</summary>
public sealed class ManifestFormatException(string message, Exception? inner = null) : KineticsPrepException(message, isFatal: true, inner);
