using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.Media;
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

    public async Task<IReadOnlyList<VerifiedClip>> RunAsync(IReadOnlyList<string> clips, IProgress<VerifyProgress>? progress, CancellationToken cancellationToken)
    {
        var verifier = new ClipVerifier(tools, full);
        var results = new ConcurrentBag<VerifiedClip>();
        int done = 0, bad = 0;
        progress?.Report(new VerifyProgress(clips.Count, 0, 0));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancellationToken };
        // Batches small enough that every worker gets some, and that a bad clip costs few re-checks.
        var batchSize = Math.Clamp((clips.Count + parallel.MaxDegreeOfParallelism - 1) / parallel.MaxDegreeOfParallelism, 1, MaxBatch);
        await Parallel.ForEachAsync(clips.Chunk(batchSize), parallel, async (batch, token) =>
        {
            var checkedClips = await verifier.VerifyAsync(batch.Select(clip => (clip, root is null ? clip : Path.GetRelativePath(root, clip))).ToList(), token);
            foreach (var result in checkedClips)
            {
                state?.RecordVerified(result);
                results.Add(result);
                if (!result.Ok)
                    Interlocked.Increment(ref bad);
                progress?.Report(new VerifyProgress(clips.Count, Interlocked.Increment(ref done), Volatile.Read(ref bad)));
            }
        });
        return results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }
}
