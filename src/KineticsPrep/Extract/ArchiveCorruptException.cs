using KineticsPrep.Errors;

namespace KineticsPrep.Extract;

public sealed class ArchiveCorruptException(string message) : KineticsPrepException(message, isFatal: false);
