namespace KineticsPrep.Media;

/// <summary>Asks ffprobe what a clip holds.</summary>
public sealed class FFprobe(string executablePath)
{
    /// <exception cref="MediaToolException">The file can't be read or has no video stream.</exception>
    public async Task<VideoInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var input = MediaFile.Url(path);
        string[] arguments = ["-v", "error", "-show_entries", FFprobeOutput.Entries, "-of", "json", "-i", input];
        var output = await ToolProcess.RunAsync(executablePath, arguments, input, null, cancellationToken);
        var info = output.Stdout.Length == 0 ? null : FFprobeOutput.Parse(output.Stdout);
        return info ?? throw new MediaToolException(
            ToolProcess.Reason(output.StderrTail, input, "no video stream"), output.CommandLine);
    }
}
