namespace KineticsPrep.State;

/// <summary>A file that arrived whole: where it is, where it came from, its size, SHA-256 and the server's ETag.</summary>
public sealed record DownloadRecord(string Path, string Url, string Split, long Bytes, string Sha256, string? ETag = null);
