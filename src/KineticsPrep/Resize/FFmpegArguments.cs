using System.Globalization;
using KineticsPrep.Media;

namespace KineticsPrep.Resize;

/// <summary>
/// Builds the ffmpeg argument list for one clip, or for several made by one ffmpeg. Arguments are a list, never a shell
/// string. An encoded clip is a function of the source's bytes, the settings and the ffmpeg/x264 build only: x264 and
/// the filters always run on one thread (x264's output depends on its thread count, and so would a clip on --workers or
/// the core count), the scaler takes its bit-exact C paths (not the CPU's own), and the muxer writes no version of its
/// own. Decoding, which is bit-exact whatever its threads, keeps the cores a worker has.
/// </summary>
public static class FFmpegArguments
{
    /// <summary>x264's and the filters' threads: fixed, so that no output depends on the machine or on --workers.</summary>
    private const string EncoderThreads = "1";

    /// <summary>True when the clip's video stream can go into the output unchanged.</summary>
    public static bool CanCopyVideo(VideoInfo info, TargetSize size, ResizeOptions options) =>
        !options.AlwaysEncode
        && options.Fps is null
        && options.Gop is null
        && options.Profile == EncodeProfile.Default
        && info.Codec == "h264"
        && info.PixelFormat == "yuv420p"
        && info.IsDisplayedAsCoded
        && size.Width == info.CodedWidth
        && size.Height == info.CodedHeight;

    /// <summary>
    /// One ffmpeg for one clip or several: every input, then each clip's output from its own input's streams. An output's
    /// bytes are those of its clip made alone, as its decoder, filters, encoder and muxer share nothing with the others'.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyList<PlannedClip> clips, ResizeOptions options, FFmpegVersion version)
    {
        var threads = options.ThreadsPerWorker.ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-v", "error", "-nostats", "-progress", "pipe:1", "-y" };
        foreach (var clip in clips)
            arguments.AddRange(["-threads", threads, "-i", MediaFile.Url(clip.SourcePath)]);
        for (var input = 0; input < clips.Count; input++)
        {
            var (_, outputPath, info, size) = clips[input];
            arguments.AddRange(["-map", $"{input}:{info.StreamIndex}"]);
            if (CanCopyVideo(info, size, options))
                arguments.AddRange(["-c:v", "copy"]);
            else
                arguments.AddRange(VideoEncoding(info, size, options, version));
            arguments.AddRange(Audio(input, info, options));
            arguments.AddRange(["-fflags", "+bitexact", "-movflags", "+faststart", "-f", "mp4", MediaFile.Url(outputPath)]);
        }
        return arguments;
    }

    private static IEnumerable<string> VideoEncoding(VideoInfo info, TargetSize size, ResizeOptions options, FFmpegVersion version)
    {
        var filters = new List<string>();
        if (options.Fps is { } fps)
            filters.Add($"fps={fps.ToString(CultureInfo.InvariantCulture)}");
        filters.Add($"scale={size.Width}:{size.Height}:flags={options.Scaler}+accurate_rnd+bitexact");
        filters.Add("setsar=1");

        yield return "-filter_threads";
        yield return EncoderThreads;
        yield return "-vf";
        yield return string.Join(',', filters);
        if (options.Fps is null)
        {
            yield return version.HasFpsMode ? "-fps_mode" : "-vsync";
            yield return options.Profile.ConstantFrameRate ? "cfr" : "passthrough";
            if (options.Profile.ConstantFrameRate && info.FrameRate is { } rate)
            {
                yield return "-r";
                yield return rate.ToString("0.#####", CultureInfo.InvariantCulture);
            }
        }
        yield return "-c:v";
        yield return "libx264";
        yield return "-preset";
        yield return options.Preset;
        if (options.X264Params.Length > 0)
        {
            yield return "-x264-params";
            yield return options.X264Params;
        }
        yield return "-crf";
        yield return options.Crf.ToString(CultureInfo.InvariantCulture);
        yield return "-pix_fmt";
        yield return "yuv420p";
        if ((options.Gop ?? options.Profile.KeyframeInterval) is { } gop)
        {
            yield return "-g";
            yield return gop.ToString(CultureInfo.InvariantCulture);
        }
        if (options.Profile.KeyframeInterval is not null)
        {
            // Scene cuts would add keyframes and, with x264, restart the interval count: keep the spacing regular.
            yield return "-sc_threshold";
            yield return "0";
        }
        if (!options.Profile.BFrames)
        {
            yield return "-bf";
            yield return "0";
        }
        yield return "-flags:v";
        yield return "+bitexact";
        yield return "-threads";
        yield return EncoderThreads;
    }

    private static IEnumerable<string> Audio(int input, VideoInfo info, ResizeOptions options)
    {
        if (!options.KeepAudio || info.Audio is not { } audio)
            return ["-an"];
        string[] map = ["-map", $"{input}:{audio.StreamIndex}"];
        return audio.Codec == "aac"
            ? [.. map, "-c:a", "copy"]
            : [.. map, "-c:a", "aac", "-b:a", "128k"];
    }
}
