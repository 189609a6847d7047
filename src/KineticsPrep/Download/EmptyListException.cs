using KineticsPrep.Errors;

namespace KineticsPrep.Download;

/// <summary>A release's list of archives names none (an empty or cut file): nothing can be planned from it, so the run stops at once.</summary>
public sealed class EmptyListException(string message) : KineticsPrepException(message, isFatal: true);
