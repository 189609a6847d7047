using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using CliWrap;
using KineticsPrep.Dataset;
using KineticsPrep.Media;

namespace KineticsPrep.Demo;

/// <summary>
/// Builds a small Kinetics mirror in the CVDF layout of a release, from clips generated with ffmpeg's lavfi sources:
/// list files with CVDF URLs, annotation files in the release's real names and dialects, one CSV row per split whose
/// clip is missing (as on the real mirror), and each release's quirks (facts from cvdfoundation/kinetics-dataset):
/// <list type="bullet">
/// <item>K400: <c>part_N.tar.gz</c> archives of <c>&lt;split&gt;_256/</c> clips, CSVs with is_cc and quoted multi-word labels, and the
/// replacement archive for corrupted train clips.</item>
/// <item>K600: one archive per class, named after it (<c>pull ups.tar.gz</c>, listed as <c>pull%20ups.tar.gz</c>), clips in a
/// class folder; annotations <c>train.txt</c> and <c>val.txt</c> (unquoted, no is_cc) beside incomplete <c>train.csv</c> and
/// <c>val.csv</c>, <c>test.csv</c> and the unlabelled <c>kinetics600_holdout_test.csv</c>; the val archive of
/// "mountain climber (exercise)" nests its clips deeper and carries macOS <c>._</c> files.</item>
/// <item>K700-2020: <c>k700_&lt;split&gt;_NNN.tar.gz</c> archives with class folders inside; an unlabelled test CSV.</item>
/// </list>
/// </summary>
public static class SyntheticMirror
{
    private static readonly string[] Labels = ["abseiling", "air drumming", "playing guitar"];
    private static readonly string[] K600Labels = ["abseiling", "mountain climber (exercise)", "pull ups"];

    /// <param name="IdOffset">Where the release's YouTube ids start (demo0000000 + offset): releases built with
    /// overlapping ranges share clips, as the real ones do.</param>
    /// <param name="OddIdShift">Seconds added to the time range of odd-numbered ids: shared clips cut at other times.</param>
    /// <param name="ClassNames">The classes the clips of a non-K600 release take turns in.</param>
    public sealed record Layout(
        string Release = "k400", int TrainArchives = 3, int OtherArchives = 1, int ClipsPerArchive = 3, double ClipSeconds = 2,
        int Width = 480, int Height = 360, int IdOffset = 0, int OddIdShift = 0, IReadOnlyList<string>? ClassNames = null);

    /// <summary>
    /// One archive to write: its file name on the mirror, how many clips, their class when the archive is one class's
    /// (else the classes take turns), and the folder a clip of a class goes to inside it.
    /// </summary>
    private sealed record ArchivePlan(string Name, int Clips, string? Label, Func<string, string> Folder);

    public static async Task BuildAsync(string folder, MediaTools tools, Layout layout, CancellationToken cancellationToken)
    {
        var version = DatasetCatalog.Find(layout.Release) ?? throw new ArgumentException($"unknown release {layout.Release}");
        var baseFolder = Path.Combine(folder, version.BaseUrl[(DatasetCatalog.CvdfPrefix.Length + 1)..]);
        var work = Path.Combine(folder, ".work");
        var clipNumber = layout.IdOffset;
        var labels = layout.ClassNames ?? Labels;
        Directory.CreateDirectory(Path.Combine(baseFolder, "annotations"));
        foreach (var split in DatasetCatalog.DefaultSplits)
        {
            var rows = new List<(string? Label, string Id, int Start)>();
            var urls = new List<string>();
            foreach (var archive in Archives(layout, split))
            {
                var entries = new List<(string Entry, string? Source)>();
                for (var c = 0; c < archive.Clips; c++)
                {
                    var label = archive.Label ?? labels[clipNumber % labels.Count];
                    var entryFolder = archive.Folder(label);
                    var id = $"demo{clipNumber:0000000}";
                    var start = 10 * (clipNumber % 7) + (clipNumber % 2 == 1 ? layout.OddIdShift : 0);
                    var name = ClipName(id, start);
                    var path = Path.Combine(work, name);
                    await MakeClipAsync(tools, path, layout, clipNumber++, cancellationToken);
                    entries.Add(($"{entryFolder}/{name}", path));
                    if (layout.Release == "k600" && label == K600Labels[1] && split == "val")
                        entries.Add(($"{entryFolder}/._{name}", null));
                    rows.Add((label, id, start));
                }
                WriteArchive(Path.Combine(baseFolder, split, archive.Name), entries);
                urls.Add($"{version.BaseUrl}/{split}/{Uri.EscapeDataString(archive.Name)}");
            }
            rows.Add((rows[0].Label, $"gone{split}".PadRight(11, 'x'), 0)); // an 11-character id with no clip: missing
            await File.WriteAllLinesAsync(Path.Combine(baseFolder, split, $"{version.ListPrefix}_{split}_path.txt"), urls, cancellationToken);
            var labelled = !(layout.Release == "k700-2020" && split == "test");
            WriteAnnotations(Path.Combine(baseFolder, "annotations", version.Split(split).AnnotationFile), layout.Release, split,
                labelled ? rows : rows.Select(r => r with { Label = null }).ToList());
            if (layout.Release == "k600" && split != "test")
                // The mirror's train.csv and val.csv are the incomplete ones: a header and a single row.
                WriteAnnotations(Path.Combine(baseFolder, "annotations", $"{split}.csv"), layout.Release, split, rows.Take(1).ToList());
        }

        if (layout.Release == "k600")
            WriteAnnotations(Path.Combine(baseFolder, "annotations", version.Split(DatasetCatalog.HoldoutTest).AnnotationFile),
                layout.Release, DatasetCatalog.HoldoutTest, [(null, "holdoutxxxx", 0), (null, "holdoutyyyy", 10)]);
        if (version.ReplacementArchive is { } replacementName)
        {
            // The replacement set fixes the first train clip.
            var replacement = Path.Combine(work, "replacement.mp4");
            await MakeClipAsync(tools, replacement, layout with { Width = layout.Height * 4 / 3 }, 999, cancellationToken);
            WriteArchive(Path.Combine(baseFolder, replacementName), [($"replacement/{ClipName("demo0000000", 0)}", replacement)]);
        }
        Directory.Delete(work, recursive: true);
    }

    private static IEnumerable<ArchivePlan> Archives(Layout layout, string split)
    {
        if (layout.Release == "k600")
            return K600Labels.Select(label => new ArchivePlan($"{label}.tar.gz", layout.ClipsPerArchive, label,
                _ => label == K600Labels[1] && split == "val" ? $"{split}/{label}/clips" : label));
        var count = split == "train" ? layout.TrainArchives : layout.OtherArchives;
        return Enumerable.Range(0, count).Select(a => layout.Release == "k700-2020"
            ? new ArchivePlan(string.Create(CultureInfo.InvariantCulture, $"k700_{split}_{a + 1:000}.tar.gz"), layout.ClipsPerArchive, null, label => label)
            : new ArchivePlan($"part_{a}.tar.gz", layout.ClipsPerArchive, null, _ => $"{split}_256"));
    }

    private static string ClipName(string id, int start) => string.Create(CultureInfo.InvariantCulture, $"{id}_{start:000000}_{start + 10:000000}.mp4");

    /// <summary>The release's dialect: K400 with is_cc and quoted multi-word labels; K600 and K700 plain; no label column when unlabelled.</summary>
    private static void WriteAnnotations(string path, string release, string split, IReadOnlyList<(string? Label, string Id, int Start)> rows)
    {
        var labelled = rows.All(r => r.Label is not null);
        var k400 = release == "k400";
        var header = (labelled ? "label," : "") + "youtube_id,time_start,time_end,split" + (k400 && labelled ? ",is_cc" : "");
        var lines = rows.Select(r =>
        {
            var label = r.Label is null ? "" : (k400 && r.Label.Contains(' ') ? $"\"{r.Label}\"" : r.Label) + ",";
            return string.Create(CultureInfo.InvariantCulture, $"{label}{r.Id},{r.Start},{r.Start + 10},{split}{(k400 && labelled ? ",0" : "")}");
        });
        File.WriteAllText(path, string.Join("\n", lines.Prepend(header)) + "\n");
    }

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

    /// <param name="entries">Each entry's name in the archive, and the clip it holds (null: a small AppleDouble file).</param>
    private static void WriteArchive(string path, IReadOnlyList<(string Entry, string? Source)> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entry, source) in entries)
        {
            if (source is not null)
                tar.WriteEntry(source, entry);
            else
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(new byte[4096]) });
        }
    }
}
