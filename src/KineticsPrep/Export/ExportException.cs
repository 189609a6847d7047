using KineticsPrep.Errors;

namespace KineticsPrep.Export;

/// <summary>An export that cannot start: nothing to export, or no labels for it.</summary>
public sealed class ExportException(string message) : KineticsPrepException(message, isFatal: true);
