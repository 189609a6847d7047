using KineticsPrep.Dataset;
namespace KineticsPrep.Resize;

/// <summary>How <see cref="ResizeRunner"/> finds, sizes and encodes clips.</summary>
public sealed record ResizeOptions
{
    /// <summary>Extensions of the source videos, without the dot, matched case-insensitively.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = VideoFiles.Extensions;

    /// <summary>The short side of the output, in pixels. Must be even.</summary>
    public int ShortSide { get; init; } = 320;

    /// <summary>Scale clips whose short side is already at or below <see cref="ShortSide"/> up to it.</summary>
    public bool Upscale { get; init; }

    public int Crf { get; init; } = 23;

    public string Preset { get; init; } = "superfast";

    /// <summary>
    /// Extra x264 settings ("key=value:key=value"), applied on top of <see cref="Preset"/>. The default turns
    /// macroblock-tree rate control back on, which superfast leaves off: on the benchmark corpus it keeps the output
    /// as small as veryfast's for a fraction of veryfast's encode time. Empty uses the preset as it is.
    /// </summary>
    public string X264Params { get; init; } = "mbtree=1:rc-lookahead=10";

    /// <summary>The swscale algorithm used to scale down (bilinear, bicubic, area, lanczos, ...).</summary>
    public string Scaler { get; init; } = "bilinear";

    /// <summary>Output frame rate; null keeps every source frame with its timestamp.</summary>
    public double? Fps { get; init; }

    /// <summary>How the clips will be read: keyframe spacing, frame rate, B-frames (<see cref="EncodeProfile"/>).</summary>
    public EncodeProfile Profile { get; init; } = EncodeProfile.Default;

    /// <summary>Maximum keyframe interval; null leaves it to the profile (and x264).</summary>
    public int? Gop { get; init; }

    public bool KeepAudio { get; init; }

    /// <summary>Re-encode even clips that could be copied as they are (H.264 yuv420p already at the target size).</summary>
    public bool AlwaysEncode { get; init; }

    /// <summary>How many clips are encoded at once.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Redo outputs that already exist.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Threads each ffmpeg gets: the cores shared among the workers, at least one.</summary>
    public int ThreadsPerWorker => Math.Max(1, Environment.ProcessorCount / Math.Max(1, Workers));
}
