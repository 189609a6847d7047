using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.State;

namespace KineticsPrep.Verify;

/// <summary>
/// Checks that clips would load: the container opens, and the first and last frames decode (every frame with
/// <c>full</c>). Many clips share one ffmpeg, since starting it costs more than decoding a short clip's two ends.
/// Never throws for a bad clip: the reason comes back in its result.
/// </summary>
public sealed class ClipVerifier(MediaTools tools, bool full)
{
    private static readonly string[] FirstFrameOnly = ["-frames:v", "1"];

    private readonly FFprobe _ffprobe = new(tools.FFprobePath);
    private readonly FFmpeg _ffmpeg = new(tools.FFmpegPath);

    /// <summary>
    /// The mp4s whose headers can be read in-process are decoded by one ffmpeg; if it fails, or a clip gives no frame,
    /// each of them is checked again on its own, so that every bad clip gets its own reason. Other clips are checked
    /// one by one, with ffprobe.
    /// </summary>
    public async Task<IReadOnlyList<VerifiedClip>> VerifyAsync(IReadOnlyList<(string Path, string Recorded)> clips, CancellationToken cancellationToken)
    {
        var results = new VerifiedClip[clips.Count];
        var together = new List<(int Index, VideoInfo Info)>();
        for (var i = 0; i < clips.Count; i++)
        {
            if (Mp4Header.Probe(clips[i].Path) is { } info)
                together.Add((i, info));
            else
                results[i] = await VerifyAsync(clips[i].Path, clips[i].Recorded, cancellationToken);
        }
        if (together.Count == 0)
            return results;

        IReadOnlyList<long>? frames;
        try
        {
            (frames, _) = await DecodeAsync(together.Select(c => MediaFile.Url(clips[c.Index].Path)).ToList(), cancellationToken);
        }
        catch (MediaToolException)
        {
            frames = null;
        }
        for (var k = 0; k < together.Count; k++)
        {
            var (index, info) = together[k];
            results[index] = frames is not null && frames[k] > 0
                ? Result(clips[index].Recorded, info, null)
                : await VerifyAsync(clips[index].Path, clips[index].Recorded, cancellationToken);
        }
        return results;
    }

    /// <summary>One clip on its own: ffprobe, then one ffmpeg.</summary>
    public async Task<VerifiedClip> VerifyAsync(string path, string recordedPath, CancellationToken cancellationToken)
    {
        VideoInfo? info = null;
        try
        {
            if (new FileInfo(path).Length == 0)
                return new VerifiedClip(recordedPath, false, "empty file (0 bytes)", null, null, null, null, null);
            info = await _ffprobe.ProbeAsync(path, cancellationToken);
            var input = MediaFile.Url(path);
            var (frames, result) = await DecodeAsync([input], cancellationToken);
            if (frames[0] == 0)
                throw new MediaToolException(ToolProcess.Reason(result.StderrTail, input, "no frame could be decoded"), result.CommandLine);
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
    /// One ffmpeg for every input and both checks: per input, its first frame and, from the same file opened again one
    /// second before its end, its last frames (with <c>full</c>: every frame). Each output is a frame checksum list in a
    /// temporary folder, one line per decoded frame. -xerror turns any decode error into a failure.
    /// </summary>
    /// <returns>The frames decoded from each input, and how ffmpeg ended.</returns>
    /// <exception cref="MediaToolException">ffmpeg failed on one of the inputs.</exception>
    private async Task<(IReadOnlyList<long> Frames, FFmpeg.Result Result)> DecodeAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        using var folder = new ScratchFolder("verify");
        var perInput = full ? 1 : 2;
        List<string> arguments = ["-nostdin", "-v", "error", "-xerror", "-nostats"];
        foreach (var input in inputs)
            arguments.AddRange(full ? ["-i", input] : ["-i", input, "-sseof", "-1", "-i", input]);
        var sinks = new List<string>();
        for (var i = 0; i < inputs.Count * perInput; i++)
        {
            var sink = Path.Combine(folder.Path, $"{i}.crc");
            sinks.Add(sink);
            var firstOfTwo = !full && i % 2 == 0;
            arguments.AddRange(["-map", $"{i}:v:0", .. firstOfTwo ? FirstFrameOnly : [], "-c:v", "wrapped_avframe", "-f", "framecrc", MediaFile.Url(sink)]);
        }
        var result = await _ffmpeg.RunAsync(arguments, inputs[0], cancellationToken);
        var frames = Enumerable.Range(0, inputs.Count)
            .Select(i => sinks.Skip(i * perInput).Take(perInput).Sum(sink => File.Exists(sink) ? File.ReadLines(sink).LongCount(line => !line.StartsWith('#')) : 0))
            .ToList();
        return (frames, result);
    }
}
