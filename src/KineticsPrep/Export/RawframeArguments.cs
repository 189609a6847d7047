using System.Globalization;
using KineticsPrep.Media;

namespace KineticsPrep.Export;

/// <summary>ffmpeg's arguments for a clip's frames as JPEGs.</summary>
internal static class RawframeArguments
{
    /// <summary>Every frame of <paramref name="clip"/> (or --fps's) as <paramref name="folder"/>/img_00001.jpg, …</summary>
    public static IReadOnlyList<string> Frames(string clip, string folder, RawframeOptions options, FFmpegVersion version) =>
    [
        "-nostdin", "-hide_banner", "-v", "error", "-y", "-threads", "1", "-i", MediaFile.Url(clip),
        .. Filter(options) is { } filter ? ["-vf", filter] : Array.Empty<string>(),
        "-q:v", options.Quality.ToString(CultureInfo.InvariantCulture),
        // One file per decoded frame: the image muxer would otherwise repeat or drop frames to a constant rate.
        version.HasFpsMode ? "-fps_mode" : "-vsync", "passthrough",
        "-start_number", "1", "-f", "image2", MediaFile.Url(Path.Combine(folder, RawframeList.FramePattern)),
    ];

    /// <summary>The video filter the options ask for (the frame rate, then the size); null for none.</summary>
    public static string? Filter(RawframeOptions options)
    {
        var filters = new List<string>();
        if (options.Fps is { } fps)
            filters.Add($"fps={fps.ToString(CultureInfo.InvariantCulture)}");
        if (options.ShortSide is { } side)
            // The short side to `side`, the long one in proportion: JPEG takes odd sizes.
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"scale={side}:{side}:force_original_aspect_ratio=increase"));
        return filters.Count == 0 ? null : string.Join(',', filters);
    }
}
