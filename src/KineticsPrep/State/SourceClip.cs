namespace KineticsPrep.State;

/// <summary>A clip as it came out of its archive: its file name, bytes and SHA-256 (hashed as it was written).</summary>
public sealed record SourceClip(string Name, long Bytes, string Sha256);
