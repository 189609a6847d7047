namespace KineticsPrep.State;

/// <summary>
/// A resized clip (path relative to the root): short side and duration before, short side after, and the size and
/// modification time (UTC ticks) of the file made, to tell when it was changed or replaced by hand, and its SHA-256.
/// </summary>
public sealed record ResizedClip(
    string Path, string Split, int SourceShortSide, double? SourceDuration, int ShortSide, long? Bytes = null, long? ModifiedTicks = null,
    string? Sha256 = null);
