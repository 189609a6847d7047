namespace KineticsPrep.Resize;

/// <summary>An output as it was renamed into place: its size, modification time and SHA-256.</summary>
public sealed record MadeFile(long Bytes, long ModifiedTicks, string Sha256);
