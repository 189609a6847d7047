namespace KineticsPrep.Dataset;

/// <summary>
/// One clip of the lists with what a loader would otherwise scan for: its frames (as many as decode), frame rate,
/// duration, size, bytes, the largest keyframe interval (the cost of a random seek) and the codec. Null where unknown.
/// </summary>
public sealed record ClipFacts(
    string Path, string Split, int LabelId, long? Frames, double? Fps, double? Duration, int? Width, int? Height, long Bytes,
    long? MaxKeyframeInterval, string? Codec = null);
