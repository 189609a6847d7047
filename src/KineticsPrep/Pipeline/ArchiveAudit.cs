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
        var permanent = new List<string>();
        // Read as it streams, an archive at a time: the store is written (an archive reopened) only after reading.
        var redone = new List<(string Archive, bool ForgetExtraction)>();
        foreach (var archive in ByArchive(state.ProcessedClips().Where(c => mine.Contains(c.Archive))))
        {
            var split = archive[0].Split;
            var redo = new List<string>();
            var failedForGood = new List<string>();
            foreach (var (key, _, clip) in archive.Where(c => keeps(c.Split, c.Clip)))
            {
                if (failures.TryGetValue((key, clip), out var failure))
                {
                    if (failure.Transient)
                        redo.Add(clip);
                    else
                        failedForGood.Add($"{split}/{clip}: {failure.Reason}");
                }
                else if (!outputs.IsIntact(options.ResizedClip(split, clip)))
                {
                    redo.Add(clip);
                }
            }
            if (redo.Count == 0)
            {
                permanent.AddRange(failedForGood);
                continue;
            }
            var originalsThere = redo.All(clip => File.Exists(Path.Combine(options.Root.VideosOf(split), clip)));
            redone.Add((archive[0].Archive, !originalsThere));
        }
        foreach (var (archive, forgetExtraction) in redone)
            state.ReopenArchive(archive, forgetExtraction);
        return new Result(redone.Select(r => r.Archive).ToList(), permanent);
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
