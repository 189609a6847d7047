using System.Globalization;
using KineticsPrep.Resize;
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
            var input = FFmpegArguments.InputUrl(path);
            if (full)
            {
                await DecodeAsync(input, [], null, "no frame could be decoded", cancellationToken);
            }
            else
            {
                await DecodeAsync(input, [], 1, "the first frame does not decode", cancellationToken);
                // The last second: loaders that sample across the whole clip read it.
                await DecodeAsync(input, ["-sseof", "-1"], null, "the last frames do not decode", cancellationToken);
            }
            return Result(recordedPath, info, null);
        }
        catch (MediaToolException e)
        {
            return Result(recordedPath, info, e.Reason);
        }
    }

    private static VerifiedClip Result(string path, VideoInfo? info, string? reason) =>
        new(path, reason is null, reason, info?.DurationSeconds, info?.DisplayWidth, info?.DisplayHeight, info?.FrameRate, info?.Codec);

    private async Task DecodeAsync(string input, string[] seek, int? frames, string noFrames, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-nostdin", "-v", "error", "-xerror", "-nostats", "-progress", "pipe:1", .. seek, "-i", input, "-map", "0:v:0"];
        if (frames is { } count)
            arguments.AddRange(["-frames:v", count.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(["-f", "null", "-"]);
        var result = await _ffmpeg.RunAsync(arguments, input, cancellationToken);
        if (result.Frames == 0)
            throw new MediaToolException(ToolProcess.Reason(result.StderrTail, input, noFrames), result.CommandLine);
    }
}
