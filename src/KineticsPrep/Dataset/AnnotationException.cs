using KineticsPrep.Errors;

namespace KineticsPrep.Dataset;

/// <summary>A CSV problem that stops the run, named by file and line.</summary>
public sealed class AnnotationException(string message) : KineticsPrepException(message, isFatal: true);
