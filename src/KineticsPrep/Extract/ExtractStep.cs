using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Extract;

/// <summary>
/// Extracting one archive and recording the outcome in the state store: the one step that both <c>extract</c> and
/// <c>prepare</c> take for each archive. An archive is marked extracted only after its last entry.
/// </summary>
public sealed class ExtractStep(StateStore state)
{
    /// <summary>
    /// Never throws for a broken or unwritable archive (the failure is recorded); a full disk does throw. A truncated
    /// or corrupt archive is no longer recorded as downloaded, so that the next download fetches it anew.
    /// </summary>
    public async Task<ExtractOutcome> RunAsync(ArchiveJob job, IProgress<long>? bytes, CancellationToken cancellationToken)
    {
        if (state.IsExtracted(job.Key))
            return new ExtractOutcome(job, ExtractStatus.AlreadyDone, [], 0, []);
        try
        {
            var outcome = await ArchiveExtractor.ExtractAsync(job, bytes, cancellationToken);
            state.RecordExtraction(job.Key, job.Split, outcome.Sources);
            return outcome;
        }
        catch (Exception e) when (e is ArchiveCorruptException or IOException or UnauthorizedAccessException && !DiskSpace.IsFull(e))
        {
            var corrupt = e is ArchiveCorruptException;
            var reason = corrupt ? e.Message + " (it will be downloaded anew by the next download or prepare)" : e.Message;
            if (corrupt)
                state.ForgetDownload(job.Key);
            state.RecordFailure(job.Key, "extract", reason);
            return new ExtractOutcome(job, ExtractStatus.Failed, [], 0, [], reason, Corrupt: corrupt);
        }
    }
}
