namespace KineticsPrep.Download;

public sealed record DownloadProgress(int Files, int Done, int Failed, long BytesKnown, long BytesDone);
