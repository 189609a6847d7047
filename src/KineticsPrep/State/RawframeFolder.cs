namespace KineticsPrep.State;

/// <summary>A clip's folder of JPEG frames (path relative to the root), how many frames it holds and their bytes.</summary>
public sealed record RawframeFolder(string Path, string Split, int Frames, long Bytes);
