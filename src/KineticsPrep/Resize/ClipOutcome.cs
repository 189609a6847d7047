using KineticsPrep.Media;
namespace KineticsPrep.Resize;

/// <summary>
/// What happened to one clip. <see cref="Reason"/> is set for failures, and <see cref="Transient"/> when the cause was
/// not the input (a killed ffmpeg, an I/O or permission error): another run may succeed. <see cref="Source"/> is set
/// once the clip was probed, <see cref="Made"/> once its output is in place.
/// </summary>
public sealed record ClipOutcome(
    ResizeJob Job, ClipStatus Status, TargetSize? Size = null, string? Reason = null, string? CommandLine = null, VideoInfo? Source = null,
    bool Transient = false, MadeFile? Made = null);
