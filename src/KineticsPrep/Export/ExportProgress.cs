namespace KineticsPrep.Export;

/// <summary>Progress of an export: shards of the current split written or kept, and bytes behind them.</summary>
public sealed record ExportProgress(string Split, int Shards, int ShardsDone, long Bytes, long BytesDone);
