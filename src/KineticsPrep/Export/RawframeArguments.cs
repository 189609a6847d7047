using System.Globalization;
using KineticsPrep.Dataset;
using KineticsPrep.Media;

namespace KineticsPrep.Export;

/// <summary>ffmpeg's arguments for a clip's frames as JPEGs, and for one sample frame made the same way.</summary>
internal static class RawframeArguments
{
    /// <summary>Every frame of <paramref name="clip"/> (or --fps's) as <paramref name="folder"/>/img_00001.jpg, …</summary>
    public static IReadOnlyList<string> Frames(string clip, string folder, RawframeOptions options, FFmpegVersion version) =>
    [
        .. Start, "-i", MediaFile.Url(clip), .. Encoding(options),
        // One file per decoded frame: the image muxer would otherwise repeat or drop frames to a constant rate.
        version.HasFpsMode ? "-fps_mode" : "-vsync", "passthrough",
        "-start_number", "1", "-f", "image2", MediaFile.Url(Path.Combine(folder, RawframeList.FramePattern)),
    ];

    /// <summary>The frame at <paramref name="seconds"/> as <paramref name="jpeg"/>: what a frame will cost on disk.</summary>
    public static IReadOnlyList<string> Sample(string clip, double seconds, string jpeg, RawframeOptions options) =>
    [
        .. Start, "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", MediaFile.Url(clip), .. Encoding(options),
        "-frames:v", "1", "-f", "image2", "-update", "1", MediaFile.Url(jpeg),
    ];

    private static readonly string[] Start = ["-nostdin", "-hide_banner", "-v", "error", "-y", "-threads", "1"];

    private static IEnumerable<string> Encoding(RawframeOptions options)
    {
        var filters = new List<string>();
        if (options.Fps is { } fps)
            filters.Add($"fps={fps.ToString(CultureInfo.InvariantCulture)}");
        if (options.ShortSide is { } side)
            // The short side to `side`, the long one in proportion: JPEG takes odd sizes.
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"scale={side}:{side}:force_original_aspect_ratio=increase"));
        if (filters.Count > 0)
        {
            yield return "-vf";
            yield return string.Join(',', filters);
        }
        yield return "-q:v";
        yield return options.Quality.ToString(CultureInfo.InvariantCulture);
    }
}
