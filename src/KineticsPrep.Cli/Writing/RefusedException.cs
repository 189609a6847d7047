using KineticsPrep.Errors;

namespace KineticsPrep.Cli.Writing;

/// <summary>
/// A command refused, in one plain line with exit code 2: by its validation, before anything is written (the root
/// stays byte-identical), or by a run that finds it cannot go on (what it finished is kept).
/// </summary>
internal sealed class RefusedException(string message) : KineticsPrepException(message, isFatal: true);
