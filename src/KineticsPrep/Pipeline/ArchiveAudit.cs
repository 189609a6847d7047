using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Checks the archives a shard already processed against what is on disk, before a run: an archive with a clip that
/// failed for a reason that may pass (a killed ffmpeg, an I/O error), or whose resized clip is missing or changed, is
/// taken back to be done again. When the originals of those clips are still extracted, only they are resized again;
/// otherwise the archive is extracted again (downloaded again first, if it was deleted). Clips that failed for good
/// stay failed, and are reported by every run (a reopened archive tries them once more).
/// </summary>
internal static class ArchiveAudit
{
    public sealed record Result(IReadOnlyList<string> Reopened, IReadOnlyList<string> PermanentFailures);

    /// <param name="keeps">Whether the run makes a clip (by split and file name): the others are not checked.</param>
    public static Result Run(StateStore state, IReadOnlyList<DownloadItem> archives, PrepareOptions options, ResizedOutputs outputs, Func<string, string, bool> keeps)
    {
        var mine = archives.Select(a => a.Key(options.Root)).ToHashSet(StringComparer.Ordinal);
        var failures = state.ClipFailures().ToDictionary(f => (f.Archive, f.Failure.Clip), f => f.Failure);
        // Read as it streams, an archive at a time, the archives checked on every core (a stat per clip); the store is
        // written (an archive reopened) only once all are read.
        var checkedArchives = new System.Collections.Concurrent.ConcurrentBag<(string Archive, bool Redo, bool ForgetExtraction, List<string> FailedForGood)>();
        Parallel.ForEach(ByArchive(state.ProcessedClips().Where(c => mine.Contains(c.Archive))), archive =>
            checkedArchives.Add(Check(archive, options, outputs, keeps, failures)));
        var redone = checkedArchives.Where(a => a.Redo).OrderBy(a => a.Archive, StringComparer.Ordinal).ToList();
        foreach (var (archive, _, forgetExtraction, _) in redone)
            state.ReopenArchive(archive, forgetExtraction);
        var permanent = checkedArchives.Where(a => !a.Redo).OrderBy(a => a.Archive, StringComparer.Ordinal).SelectMany(a => a.FailedForGood).ToList();
        return new Result(redone.Select(r => r.Archive).ToList(), permanent);
    }

    private static (string Archive, bool Redo, bool ForgetExtraction, List<string> FailedForGood) Check(
        List<(string Archive, string Split, string Clip)> archive, PrepareOptions options, ResizedOutputs outputs, Func<string, string, bool> keeps,
        Dictionary<(string, string), ClipFailure> failures)
    {
        var (key, split, _) = archive[0];
        var splitFolder = Path.Combine(options.ResizedFolder, split);
        var redo = new List<string>();
        var failedForGood = new List<string>();
        foreach (var (_, _, clip) in archive.Where(c => keeps(c.Split, c.Clip)))
        {
            if (failures.TryGetValue((key, clip), out var failure))
            {
                if (failure.Transient)
                    redo.Add(clip);
                else
                    failedForGood.Add($"{split}/{clip}: {failure.Reason}");
            }
            else if (!outputs.IsIntact(PrepareOptions.ResizedClipIn(splitFolder, clip)))
            {
                redo.Add(clip);
            }
        }
        var originalsThere = redo.All(clip => File.Exists(Path.Combine(options.Root.VideosOf(split), clip)));
        return (key, redo.Count > 0, !originalsThere, failedForGood);
    }

    /// <summary>Rows in archive order, an archive's rows at a time.</summary>
    private static IEnumerable<List<(string Archive, string Split, string Clip)>> ByArchive(IEnumerable<(string Archive, string Split, string Clip)> rows)
    {
        var current = new List<(string Archive, string Split, string Clip)>();
        foreach (var row in rows)
        {
            if (current.Count > 0 && current[0].Archive != row.Archive)
            {
                yield return current;
                current = [];
            }
            current.Add(row);
        }
        if (current.Count > 0)
            yield return current;
    }
}
