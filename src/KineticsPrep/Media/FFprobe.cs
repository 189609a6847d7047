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

    /// <summary>
    /// The first video stream's frames (as many as decode), duration, size and largest keyframe gap: for what
    /// <see cref="VideoTrack.ReadMp4(string)"/> does not read. It decodes the stream, so it is the slow way.
    /// </summary>
    /// <exception cref="MediaToolException">The file can't be read or has no video stream.</exception>
    public async Task<VideoTrack> TrackAsync(string path, CancellationToken cancellationToken)
    {
        var input = MediaFile.Url(path);
        string[] arguments = ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", FFprobeOutput.TrackEntries, "-of", "json", "-i", input];
        var output = await ToolProcess.RunAsync(executablePath, arguments, input, null, cancellationToken);
        return (output.Stdout.Length == 0 ? null : FFprobeOutput.ParseTrack(output.Stdout))
            ?? throw new MediaToolException(ToolProcess.Reason(output.StderrTail, input, "no video stream"), output.CommandLine);
    }
}
