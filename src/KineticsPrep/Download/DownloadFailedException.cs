using KineticsPrep.Errors;

namespace KineticsPrep.Download;

/// <summary>A failure that another try will not fix: 404, 403, a missing local file.</summary>
public sealed class DownloadFailedException(string message) : KineticsPrepException(message, isFatal: false);
