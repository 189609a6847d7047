using KineticsPrep.Media;
namespace KineticsPrep.Resize;

public enum ClipStatus
{
    /// <summary>Decoded, scaled and encoded.</summary>
    Encoded,

    /// <summary>Already H.264 at the target size: the video stream was copied.</summary>
    Copied,

    Failed,
}

/// <summary>What happened to one clip. <see cref="Reason"/> is set for failures; <see cref="Source"/> once it was probed.</summary>
public sealed record ClipOutcome(
    ResizeJob Job, ClipStatus Status, TargetSize? Size = null, string? Reason = null, string? CommandLine = null, VideoInfo? Source = null);
