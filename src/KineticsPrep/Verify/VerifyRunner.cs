using KineticsPrep.Dataset;
using KineticsPrep.Media;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Verify;

/// <summary>Verifies many clips at once and records each result in the state store, when there is one.</summary>
public sealed class VerifyRunner(MediaTools tools, bool full, int workers, StateStore? state, string? root)
{
    private const int MaxBatch = 16;

    /// <summary>The clips to check: video files under the given paths (files or folders), or the root's resized clips.</summary>
    public static IReadOnlyList<string> ClipsUnder(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true })
                    .Where(VideoFiles.IsVideo)
                : [Path.GetFullPath(path)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public async Task<IReadOnlyList<VerifiedClip>> RunAsync(IReadOnlyList<string> clips, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var verifier = new ClipVerifier(tools, full);
        var batchWorkers = Math.Max(1, workers);
        // Batches small enough that every worker gets some, and that a bad clip costs few re-checks.
        var batchSize = Math.Clamp((clips.Count + batchWorkers - 1) / batchWorkers, 1, MaxBatch);
        var batches = await StageRunner.RunAsync(clips.Chunk(batchSize).ToList(), new StageOptions<string[]>("clips", batchWorkers) { Count = batch => batch.Length },
            async (batch, _, token) =>
            {
                var results = await verifier.VerifyAsync(batch.Select(clip => (clip, root is null ? clip : Path.GetRelativePath(root, clip))).ToList(), token);
                foreach (var result in results)
                    state?.RecordVerified(result);
                return results;
            },
            results => (results.Count(r => r.Ok), results.Count(r => !r.Ok)), progress, cancellationToken);
        return batches.SelectMany(results => results).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }
}
