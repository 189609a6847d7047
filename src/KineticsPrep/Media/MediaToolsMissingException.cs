using KineticsPrep.Errors;

namespace KineticsPrep.Media;

public sealed class MediaToolsMissingException(string message) : KineticsPrepException(message, isFatal: true);
