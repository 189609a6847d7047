using KineticsPrep.Errors;

namespace KineticsPrep.Media;

/// <summary>
/// ffmpeg or ffprobe could not handle a clip. <see cref="Reason"/> is one line taken from its stderr.
/// <see cref="Transient"/> when the cause was not the input: the tool was killed or signalled (the OOM killer,
/// scancel), or an I/O or permission error stopped it; another run may succeed.
/// </summary>
public sealed class MediaToolException(string reason, string commandLine, bool transient = false)
    : KineticsPrepException($"{reason}{Environment.NewLine}Command: {commandLine}", isFatal: false)
{
    public string Reason { get; } = reason;

    public string CommandLine { get; } = commandLine;

    public bool Transient { get; } = transient;

    /// <summary>
    /// A non-zero exit that says nothing against the input: death by a signal (shells and .NET report 128 + N; ffmpeg
    /// exits with 255 after catching SIGINT or SIGTERM), or an error of the system rather than of the data.
    /// </summary>
    public static bool IsTransientExit(int exitCode, IEnumerable<string> stderr) =>
        exitCode >= 128 || exitCode < 0 || stderr.Any(line => SystemErrors.Any(error => line.Contains(error, StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] SystemErrors =
    [
        "received signal", "Permission denied", "Operation not permitted", "Read-only file system", "No space left on device", "Input/output error", "Cannot allocate memory",
        "Resource temporarily unavailable", "Too many open files", "Stale file handle",
    ];
}
