using System.Globalization;
using System.Text.Json;

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
    /// <see cref="VideoTrack.ReadMp4"/> does not read. It decodes the stream, so it is the slow way.
    /// </summary>
    /// <exception cref="MediaToolException">The file can't be read or has no video stream.</exception>
    public async Task<VideoTrack> TrackAsync(string path, CancellationToken cancellationToken)
    {
        var input = MediaFile.Url(path);
        string[] arguments = ["-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=width,height,nb_read_frames:format=duration:packet=flags",
            "-of", "json", "-i", input];
        var output = await ToolProcess.RunAsync(executablePath, arguments, input, null, cancellationToken);
        using var json = JsonDocument.Parse(output.Stdout.Length == 0 ? "{}" : output.Stdout);
        var root = json.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            throw new MediaToolException(ToolProcess.Reason(output.StderrTail, input, "no video stream"), output.CommandLine);
        var keyframes = root.TryGetProperty("packets", out var packets)
            ? packets.EnumerateArray().Select(p => p.GetProperty("flags").GetString()!.StartsWith('K')).ToList()
            : [];
        long maxInterval = 1, sinceKey = 0;
        foreach (var key in keyframes)
        {
            sinceKey = key ? 1 : sinceKey + 1;
            maxInterval = Math.Max(maxInterval, sinceKey);
        }
        var duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        var stream = streams[0];
        var frames = stream.TryGetProperty("nb_read_frames", out var read) && long.TryParse(read.GetString(), CultureInfo.InvariantCulture, out var count) ? count : 0;
        return new VideoTrack(frames, duration, stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32(), maxInterval);
    }
}
