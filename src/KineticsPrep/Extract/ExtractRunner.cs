using KineticsPrep.Dataset;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Extract;

/// <summary>
/// Extracts every archive under ROOT/archives/&lt;split&gt;/ into ROOT/videos/&lt;split&gt;/, several at once. An archive
/// is marked extracted in the state store only after its last entry, so a re-run skips finished archives and
/// completes a half-done one. The K400 replacement archive goes to ROOT/videos/replacement/.
/// </summary>
public sealed class ExtractRunner(StateStore state, int jobs, bool deleteArchives)
{
    /// <summary>The archives under ROOT/archives, in a stable order.</summary>
    public static IReadOnlyList<ArchiveJob> FindArchives(DatasetRoot root)
    {
        var archives = root.Archives;
        if (!Directory.Exists(archives))
            return [];
        return Directory.EnumerateFiles(archives, "*", SearchOption.AllDirectories)
            .Where(ArchiveFiles.IsArchive)
            .Order(StringComparer.Ordinal)
            .Select(path => JobFor(root, path))
            .ToList();
    }

    public static ArchiveJob JobFor(DatasetRoot layout, string archivePath)
    {
        var split = DatasetCatalog.Versions.Any(v => v.ReplacementArchive == Path.GetFileName(archivePath))
            ? DatasetCatalog.ReplacementSplit
            : Path.GetFileName(Path.GetDirectoryName(archivePath))!;
        return new ArchiveJob(
            archivePath,
            layout.Key(archivePath),
            split,
            layout.VideosOf(split),
            File.Exists(archivePath) ? new FileInfo(archivePath).Length : 0);
    }

    /// <summary>The archives under the store's root.</summary>
    public async Task<ExtractSummary> RunAsync(IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        // Largest first, so the set does not end on one big archive extracting alone.
        var archives = FindArchives(state.Root).OrderByDescending(a => a.Bytes).ToList();
        var outcomes = await StageRunner.RunAsync(archives, new StageOptions<ArchiveJob>("archives", jobs) { Size = job => job.Bytes, Name = job => Path.GetFileName(job.ArchivePath) },
            ExtractOneAsync, outcome => outcome.Status == ExtractStatus.Failed ? (0, 1) : (1, 0), progress, cancellationToken);
        return new ExtractSummary(outcomes.OrderBy(o => o.Job.Key, StringComparer.Ordinal).ToList());
    }

    private async Task<ExtractOutcome> ExtractOneAsync(ArchiveJob job, IProgress<long> bytes, CancellationToken cancellationToken)
    {
        var outcome = await new ExtractStep(state).RunAsync(job, bytes, cancellationToken);
        if (outcome.Status != ExtractStatus.Failed)
            DeleteIfAsked(job);
        return outcome;
    }

    private void DeleteIfAsked(ArchiveJob job)
    {
        if (deleteArchives && File.Exists(job.ArchivePath))
            File.Delete(job.ArchivePath);
    }
}
