namespace KineticsPrep.Dataset;

/// <summary>A clip that exists but ffprobe could not read (with --check).</summary>
public sealed record CorruptClip(string Split, string Path, string Reason);
