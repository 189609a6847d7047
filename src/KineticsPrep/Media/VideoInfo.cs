namespace KineticsPrep.Media;

/// <summary>What ffprobe says about a clip's main video stream (and its first audio stream, if any).</summary>
public sealed record VideoInfo(
    int StreamIndex,
    string Codec,
    string? PixelFormat,
    int CodedWidth,
    int CodedHeight,
    int Rotation,
    int SampleAspectNum,
    int SampleAspectDen,
    double? DurationSeconds,
    AudioStreamInfo? Audio)
{
    /// <summary>Average frames per second, when the container says.</summary>
    public double? FrameRate { get; init; }

    private bool IsQuarterTurn => Math.Abs(Rotation % 180) == 90;

    private bool HasSquarePixels => SampleAspectNum == SampleAspectDen;

    /// <summary>Width of the frame as a player shows it: rotation applied, square pixels.</summary>
    public int DisplayWidth => IsQuarterTurn ? CodedHeight : SquarePixelWidth;

    /// <summary>Height of the frame as a player shows it: rotation applied, square pixels.</summary>
    public int DisplayHeight => IsQuarterTurn ? SquarePixelWidth : CodedHeight;

    private int SquarePixelWidth => HasSquarePixels
        ? CodedWidth
        : (int)Math.Round((double)CodedWidth * SampleAspectNum / SampleAspectDen);

    /// <summary>True when the coded frame is already what a player shows: no rotation, square pixels.</summary>
    public bool IsDisplayedAsCoded => Rotation % 360 == 0 && HasSquarePixels;
}
