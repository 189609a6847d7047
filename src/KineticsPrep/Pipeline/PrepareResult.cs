using KineticsPrep.Dataset;

namespace KineticsPrep.Pipeline;

/// <summary>
/// What a prepare run (or shard) did. <see cref="Failures"/> lists everything that went wrong, one line each;
/// <see cref="Lists"/> is set when the lists were written (an unsharded run, or --finalize); <see cref="Notes"/> says
/// which downloads started over, and why.
/// </summary>
public sealed record PrepareResult(
    int Archives, int ArchivesProcessed, IReadOnlyList<string> Failures, ListsSummary? Lists, IReadOnlyList<string> Notes);
