using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Verify;

/// <summary>
/// Verifies many clips at once and records each result in the state store, when there is one. With a store, a clip
/// verified before whose size, modification time and ctime are unchanged keeps its result without being decoded again,
/// unless <see cref="All"/> (a --full verify also decodes a clip whose result came from a plain one).
/// </summary>
public sealed class VerifyRunner(MediaTools tools, bool full, int workers, StateStore? state, string? root)
{
    private const int MaxBatch = 16;

    /// <summary>Decode every clip, even one whose bytes were verified before.</summary>
    public bool All { get; init; }

    /// <summary>Every clip's result, in path order, and how many of them were kept from an earlier verify.</summary>
    public sealed record Outcome(IReadOnlyList<VerifiedClip> Results, int Unchanged);

    /// <summary>The clips to check: video files under the given paths (files or folders), or the root's resized clips.</summary>
    public static IReadOnlyList<string> ClipsUnder(IEnumerable<string> paths) =>
        paths.SelectMany(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true })
                    .Where(VideoFiles.IsVideo)
                : [Path.GetFullPath(path)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public async Task<Outcome> RunAsync(IReadOnlyList<string> clips, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var (unchanged, toCheck) = Split(clips);
        var verifier = new ClipVerifier(tools, full);
        var batchWorkers = Math.Max(1, workers);
        var batchSize = StageRunner.BatchSize(toCheck.Count, batchWorkers, MaxBatch);
        var batches = await StageRunner.RunAsync(toCheck.Chunk(batchSize).ToList(), new StageOptions<(string Clip, FileStamp? Stamp)[]>("clips", batchWorkers, unchanged.Count) { Count = batch => batch.Length },
            async (batch, _, token) =>
            {
                var results = await verifier.VerifyAsync(batch.Select(c => (c.Clip, Recorded(c.Clip))).ToList(), token);
                state?.RecordVerified(results.Zip(batch, (result, clip) => (result, clip.Stamp)).ToList(), full);
                return results;
            },
            results => (results.Count(r => r.Ok), results.Count(r => !r.Ok)), progress, cancellationToken);
        var all = batches.SelectMany(results => results).Concat(unchanged).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        return new Outcome(all, unchanged.Count);
    }

    private string Recorded(string clip) => root is null ? clip : Path.GetRelativePath(root, clip);

    /// <summary>The results that still hold for their clip's bytes, and the clips to decode (each with its stamp as
    /// read now, recorded with its result).</summary>
    private (List<VerifiedClip> Unchanged, List<(string Clip, FileStamp? Stamp)> ToCheck) Split(IReadOnlyList<string> clips)
    {
        var known = All || state is null || root is null
            ? new Dictionary<string, (VerifiedClip Clip, FileStamp? Stamp, bool Full)>()
            // A --full verify does not take a result that decoded only the first and last frames.
            : state.VerifiedRecords().Where(r => r.Full || !full).ToDictionary(r => r.Clip.Path, StringComparer.Ordinal);
        var unchanged = new List<VerifiedClip>();
        var toCheck = new List<(string, FileStamp?)>();
        foreach (var clip in clips)
        {
            var stamp = FileStamp.Of(clip);
            if (stamp is { } now && known.TryGetValue(Recorded(clip), out var record) && record.Stamp is { } then && now.Matches(then))
                unchanged.Add(record.Clip);
            else
                toCheck.Add((clip, stamp));
        }
        return (unchanged, toCheck);
    }
}
