namespace KineticsPrep.Export;

/// <summary>What an export did: per split, the manifest it wrote; and the list lines it could not export.</summary>
public sealed record ExportSummary(IReadOnlyList<ShardManifest> Splits, int ShardsWritten, int ShardsKept, IReadOnlyList<ExportFailure> Failures);
