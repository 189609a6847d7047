namespace KineticsPrep.Extract;

public sealed record ExtractProgress(int Archives, int Done, int Failed, long Bytes, long BytesDone);
