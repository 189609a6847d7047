using KineticsPrep.Errors;

namespace KineticsPrep.Cli.App;

/// <summary>Ctrl+C or SIGTERM stopped a command; the message says what is kept and how to go on.</summary>
internal sealed class CommandCancelledException(string message, Exception inner) : KineticsPrepException(message, isFatal: true, inner);
