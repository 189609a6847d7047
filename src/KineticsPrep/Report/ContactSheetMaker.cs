using System.Collections.Concurrent;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Media;
using KineticsPrep.Running;

namespace KineticsPrep.Report;

/// <summary>
/// Makes a <see cref="ContactSheet"/>: for each class, one ffmpeg that takes the middle frame of one of its clips (a
/// train clip first), as a small JPEG; classes are added in label order until the sheet reaches its size cap.
/// </summary>
public static class ContactSheetMaker
{
    public const int ThumbnailHeight = 72;

    private const int ThumbnailQuality = 6;
    public const long SizeCap = 3L << 20;

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
        var made = new ConcurrentDictionary<int, byte[]>();
        using var scratch = new ScratchFolder("sheet");
        await StageRunner.ForEachAsync(picks, workers, async (clip, token) =>
        {
            var jpeg = Path.Combine(scratch.Path, $"{clip.LabelId}.jpg");
            try
            {
                await ffmpeg.StillAsync(Path.IsPathRooted(clip.Path) ? clip.Path : Path.Combine(root.Path, clip.Path), (clip.Duration ?? 0) / 2,
                    $"scale=-2:{ThumbnailHeight}", ThumbnailQuality, jpeg, token);
                if (File.Exists(jpeg) && new FileInfo(jpeg).Length > 0)
                    made[clip.LabelId] = await File.ReadAllBytesAsync(jpeg, token);
            }
            catch (MediaToolException)
            {
                // A clip that gives no frame leaves its class out of the sheet; verify reports such clips.
            }
        }, cancellationToken);

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
}
