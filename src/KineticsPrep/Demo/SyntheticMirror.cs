using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using CliWrap;
using KineticsPrep.Catalog;
using KineticsPrep.Extract;
using KineticsPrep.Resize;

namespace KineticsPrep.Demo;

/// <summary>
/// Builds a small Kinetics-400 mirror in the CVDF layout: archives of clips generated with ffmpeg's lavfi sources,
/// list files with CVDF URLs, annotation CSVs in the real dialects (quoted multi-word labels, is_cc), a replacement
/// archive, and one CSV row whose clip is missing, as on the real mirror.
/// </summary>
public static class SyntheticMirror
{
    private static readonly string[] Labels = ["abseiling", "air drumming", "playing guitar"];

    public sealed record Layout(int TrainArchives = 3, int OtherArchives = 1, int ClipsPerArchive = 3, double ClipSeconds = 2, int Width = 480, int Height = 360);

    public static async Task BuildAsync(string folder, MediaTools tools, Layout layout, CancellationToken cancellationToken)
    {
        var base400 = Path.Combine(folder, "400");
        var work = Path.Combine(folder, ".work");
        var clipNumber = 0;
        Directory.CreateDirectory(Path.Combine(base400, "annotations"));
        foreach (var split in new[] { "train", "val", "test" })
        {
            var archives = split == "train" ? layout.TrainArchives : layout.OtherArchives;
            var rows = new List<string>();
            var urls = new List<string>();
            for (var a = 0; a < archives; a++)
            {
                var clips = new List<(string Name, string Path)>();
                for (var c = 0; c < layout.ClipsPerArchive; c++, clipNumber++)
                {
                    var id = $"demo{clipNumber:0000000}";
                    var start = 10 * (clipNumber % 7);
                    var name = string.Create(CultureInfo.InvariantCulture, $"{id}_{start:000000}_{start + 10:000000}.mp4");
                    var path = Path.Combine(work, name);
                    await MakeClipAsync(tools, path, layout, clipNumber, cancellationToken);
                    clips.Add((name, path));
                    rows.Add(Row(Labels[clipNumber % Labels.Length], id, start, split));
                }
                var archive = $"part_{a}.tar.gz";
                WriteArchive(Path.Combine(base400, split, archive), $"{split}_256", clips);
                urls.Add($"{DatasetCatalog.CvdfPrefix}/400/{split}/{archive}");
            }
            rows.Add(Row(Labels[0], $"gone{split}".PadRight(11, 'x'), 0, split)); // an 11-character id with no clip: missing
            await File.WriteAllLinesAsync(Path.Combine(base400, split, $"k400_{split}_path.txt"), urls, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(base400, "annotations", $"{split}.csv"),
                "label,youtube_id,time_start,time_end,split,is_cc\n" + string.Join("\n", rows) + "\n", cancellationToken);
        }

        // The replacement set fixes the first train clip.
        var replacement = Path.Combine(work, "replacement.mp4");
        await MakeClipAsync(tools, replacement, layout with { Width = layout.Height * 4 / 3 }, 999, cancellationToken);
        WriteArchive(Path.Combine(base400, ExtractRunner.ReplacementArchive), "replacement",
            [($"demo0000000_000000_000010.mp4", replacement)]);
        Directory.Delete(work, recursive: true);
    }

    private static string Row(string label, string id, int start, string split) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(label.Contains(' ') ? $"\"{label}\"" : label)},{id},{start},{start + 10},{split},0");

    private static async Task MakeClipAsync(MediaTools tools, string path, Layout layout, int seed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var source = string.Create(CultureInfo.InvariantCulture,
            $"testsrc2=size={layout.Width}x{layout.Height}:rate=15:duration={layout.ClipSeconds},hue=H={seed}");
        await Cli.Wrap(tools.FFmpegPath)
            .WithArguments(["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-threads", "1", "file:" + path])
            .ExecuteAsync(cancellationToken);
    }

    private static void WriteArchive(string path, string folder, IReadOnlyList<(string Name, string Path)> clips)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, clip) in clips)
            tar.WriteEntry(clip, $"{folder}/{name}");
    }
}
