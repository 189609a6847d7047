using KineticsPrep.Media;
using KineticsPrep.State;

namespace KineticsPrep.Verify;

/// <summary>
/// Checks that a clip would load: the container opens, and its first and last frames decode (every frame with
/// <c>full</c>). Never throws for a bad clip: the reason comes back in the result.
/// </summary>
public sealed class ClipVerifier(MediaTools tools, bool full)
{
    private readonly FFprobe _ffprobe = new(tools.FFprobePath);
    private readonly FFmpeg _ffmpeg = new(tools.FFmpegPath);

    public async Task<VerifiedClip> VerifyAsync(string path, string recordedPath, CancellationToken cancellationToken)
    {
        VideoInfo? info = null;
        try
        {
            if (new FileInfo(path).Length == 0)
                return new VerifiedClip(recordedPath, false, "empty file (0 bytes)", null, null, null, null, null);
            info = await _ffprobe.ProbeAsync(path, cancellationToken);
            await DecodeAsync(MediaFile.Url(path), cancellationToken);
            return Result(recordedPath, info, null);
        }
        catch (MediaToolException e)
        {
            return Result(recordedPath, info, e.Reason);
        }
    }

    private static VerifiedClip Result(string path, VideoInfo? info, string? reason) =>
        new(path, reason is null, reason, info?.DurationSeconds, info?.DisplayWidth, info?.DisplayHeight, info?.FrameRate, info?.Codec);

    /// <summary>
    /// One ffmpeg for both checks: the first frame (output 1) and, from the same file opened again one second before
    /// its end, the last frames (output 2); with <c>full</c>, every frame. -xerror turns any decode error into a failure.
    /// </summary>
    private async Task DecodeAsync(string input, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-nostdin", "-v", "error", "-xerror", "-nostats", "-progress", "pipe:1", "-i", input];
        if (full)
            arguments.AddRange(["-map", "0:v:0", "-f", "null", "-"]);
        else
            arguments.AddRange(["-sseof", "-1", "-i", input, "-map", "0:v:0", "-frames:v", "1", "-f", "null", "-", "-map", "1:v:0", "-f", "null", "-"]);
        var result = await _ffmpeg.RunAsync(arguments, input, cancellationToken);
        if (result.Frames == 0)
            throw new MediaToolException(ToolProcess.Reason(result.StderrTail, input, "no frame could be decoded"), result.CommandLine);
    }
}
