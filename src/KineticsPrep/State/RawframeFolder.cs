namespace KineticsPrep.State;

/// <summary>
/// A clip's folder of JPEG frames (path relative to the root), how many frames it holds and their bytes, and the size
/// and modification time (UTC ticks) of the clip they were made from.
/// </summary>
public sealed record RawframeFolder(string Path, string Split, int Frames, long Bytes, long? SourceBytes = null, long? SourceModifiedTicks = null);
