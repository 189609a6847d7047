using KineticsPrep.Errors;

namespace KineticsPrep.Resize;

/// <summary>A resize asks for other output settings than its destination's clips were made with.</summary>
public sealed class OutputSettingsClashException(string message) : KineticsPrepException(message, isFatal: true);
