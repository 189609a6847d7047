namespace KineticsPrep.Media;

/// <summary>ffmpeg or ffprobe could not handle a clip. <see cref="Reason"/> is one line taken from its stderr.</summary>
public sealed class MediaToolException(string reason, string commandLine)
    : KineticsPrepException($"{reason}{Environment.NewLine}Command: {commandLine}", isFatal: false)
{
    public string Reason { get; } = reason;

    public string CommandLine { get; } = commandLine;
}
