using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;

namespace KineticsPrep.Report;

/// <summary>
/// Makes a <see cref="ContactSheet"/>: for each class, the middle frame of one of its clips (a train clip first), as a
/// small JPEG, many classes to one ffmpeg (a batch that fails is done again one clip at a time, so that only a bad
/// clip's class is left out), or kept from an earlier report (<see cref="ThumbnailCache"/>); classes are added in label
/// order until the sheet reaches its size cap.
/// </summary>
public static class ContactSheetMaker
{
    public const int ThumbnailHeight = 72;

    private const int ThumbnailQuality = 6;
    public const long SizeCap = 3L << 20;

    /// <summary>Stills per ffmpeg: few enough that a bad clip costs little to find again.</summary>
    private const int MaxBatch = 40;

    /// <param name="labels">Class names in id order.</param>
    /// <param name="clips">The index rows of the lists (lists/index.csv).</param>
    public static async Task<ContactSheet> MakeAsync(
        DatasetRoot root, IReadOnlyList<string> labels, IReadOnlyList<ClipFacts> clips, MediaTools tools, int workers, CancellationToken cancellationToken)
    {
        var picks = clips
            .Where(c => c.LabelId >= 0 && c.LabelId < labels.Count && c.Bytes > 0)
            .GroupBy(c => c.LabelId)
            .Select(g => g.OrderBy(c => c.Split == "train" ? 0 : 1).ThenBy(c => c.Path, StringComparer.Ordinal).First())
            .OrderBy(c => labels[c.LabelId], StringComparer.Ordinal)
            .ToList();
        var ffmpeg = new FFmpeg(tools.FFmpegPath);
        var cache = new ThumbnailCache(root, $"middle frame, {ThumbnailHeight} px high, q {ThumbnailQuality}");
        var wanted = picks.Select(clip => (clip.LabelId, Input: Path.IsPathRooted(clip.Path) ? clip.Path : Path.Combine(root.Path, clip.Path), Seconds: (clip.Duration ?? 0) / 2))
            .Select(p => (p.LabelId, p.Input, p.Seconds, Kept: cache.NameOf(p.Input)))
            .ToList();
        var made = new ConcurrentDictionary<int, byte[]>();
        foreach (var (labelId, _, _, kept) in wanted)
        {
            if (cache.Find(kept) is { } jpeg)
                made[labelId] = jpeg;
        }
        var toTake = wanted.Where(w => !made.ContainsKey(w.LabelId)).ToList();
        using var scratch = new ScratchFolder("sheet");
        var batchSize = StageRunner.BatchSize(toTake.Count, workers, MaxBatch);
        await StageRunner.ForEachAsync(toTake.Chunk(batchSize).ToList(), workers, async (batch, token) =>
        {
            var stills = batch.Select(w => (w.Input, w.Seconds, Jpeg: Path.Combine(scratch.Path, $"{w.LabelId}.jpg"), w.LabelId)).ToList();
            if (!await TryAsync(ffmpeg, stills.Select(s => (s.Input, s.Seconds, s.Jpeg)).ToList(), token) && stills.Count > 1)
            {
                foreach (var still in stills)
                    await TryAsync(ffmpeg, [(still.Input, still.Seconds, still.Jpeg)], token);
            }
            foreach (var still in stills.Where(s => File.Exists(s.Jpeg) && new FileInfo(s.Jpeg).Length > 0))
                made[still.LabelId] = await File.ReadAllBytesAsync(still.Jpeg, token);
        }, cancellationToken);
        cache.KeepOnly(wanted.Where(w => made.ContainsKey(w.LabelId)).DistinctBy(w => w.Kept).ToDictionary(w => w.Kept, w => made[w.LabelId]));

        var thumbnails = new List<Thumbnail>();
        long bytes = 0;
        foreach (var clip in picks.Where(c => made.ContainsKey(c.LabelId)))
        {
            var jpeg = made[clip.LabelId];
            if (bytes + jpeg.Length > SizeCap)
                break;
            bytes += jpeg.Length;
            thumbnails.Add(new Thumbnail(labels[clip.LabelId], clip.Path, jpeg));
        }
        var distinctLabels = clips.Where(c => c.LabelId >= 0 && c.LabelId < labels.Count).Select(c => c.LabelId).Distinct().Count();
        return new ContactSheet(thumbnails, distinctLabels - thumbnails.Count, null);
    }

    /// <summary>False when ffmpeg failed: a clip that gives no frame leaves its class out of the sheet (verify reports
    /// such clips).</summary>
    private static async Task<bool> TryAsync(FFmpeg ffmpeg, IReadOnlyList<(string Input, double Seconds, string Jpeg)> stills, CancellationToken cancellationToken)
    {
        try
        {
            await ffmpeg.StillsAsync(stills, $"scale=-2:{ThumbnailHeight}", ThumbnailQuality, cancellationToken);
            return true;
        }
        catch (MediaToolException)
        {
            return false;
        }
    }
}
