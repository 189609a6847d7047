using System.Text.RegularExpressions;

namespace KineticsPrep.Tests;

/// <summary>One root, one truth: the recipe recorded in a root is what every later command follows.</summary>
[Collection(PrepareCollection.Name)]
public sealed partial class RootRecipeTests(PrepareFixture fixture) : IDisposable
{
    private readonly TempFolder _outside = new();

    public void Dispose() => _outside.Dispose();

    /// <summary>Each annotation row's class, by YouTube id, read from the root's official CSVs (label first, then youtube_id).</summary>
    private static Dictionary<string, string> ClassOfClip(string root) =>
        Directory.GetFiles(Path.Combine(root, "annotations"), "*.csv")
            .SelectMany(csv => File.ReadLines(csv).Skip(1))
            .Select(line => CsvRow().Match(line))
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["label"].Value, StringComparer.Ordinal);

    [GeneratedRegex("""^"?(?<label>[^",]+)"?,(?<id>[^,]+),""")]
    private static partial Regex CsvRow();

    [GeneratedRegex(@"^(?<id>.+)_\d{6}_\d{6}$")]
    private static partial Regex ClipName();

    [Fact]
    public async Task A_label_map_chosen_by_annotate_is_kept_by_a_plain_prepare_in_every_list_and_export()
    {
        var root = fixture.CopyOfReference("labels-kept");
        var defaultOrder = File.ReadAllLines(Path.Combine(root, "lists", "labels.txt"));
        var mine = defaultOrder.Reverse().ToArray();
        Assert.NotEqual(defaultOrder, mine);
        var map = _outside.Combine("my-checkpoint-labels.txt");
        File.WriteAllLines(map, mine);

        Assert.Equal(0, (await CliRunner.RunAsync("annotate", "--root", root, "--labels", map)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("export", "rawframes", "--root", root)).ExitCode);
        // The map's file may go: the root keeps its own copy.
        File.Delete(map);
        var plain = await CliRunner.RunAsync(fixture.Prepare(root));
        Assert.True(plain.ExitCode == 0, plain.Stderr);

        Assert.Equal(mine, File.ReadAllLines(Path.Combine(root, "lists", "labels.txt")));
        var classOf = ClassOfClip(root);
        var lists = new[] { "train", "val", "test" }.SelectMany(split => new[] { $"{split}.csv", $"{split}_rawframes.txt" })
            .Select(name => Path.Combine(root, "lists", name)).ToList();
        var checkedLines = 0;
        foreach (var line in lists.SelectMany(File.ReadLines))
        {
            var fields = line.Split(' ');
            var id = ClipName().Match(Path.GetFileNameWithoutExtension(fields[0])).Groups["id"].Value;
            Assert.True(Array.IndexOf(mine, classOf[id]).ToString(System.Globalization.CultureInfo.InvariantCulture) == fields[^1], line);
            checkedLines++;
        }
        Assert.True(checkedLines > 10, $"{checkedLines} lines");
        Assert.Contains($"--labels {map}", (await CliRunner.RunAsync("status", "--root", root)).Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Rawframes_after_a_reencode_are_named_stale_then_made_again_from_the_new_clips()
    {
        var root = fixture.NewRoot("rawframes-reencode");
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("export", "rawframes", "--root", root)).ExitCode);
        Assert.DoesNotContain("Stale", (await CliRunner.RunAsync("status", "--root", root)).Stdout);

        var reencode = await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals", "--short-side", "256", "--reencode"));
        Assert.True(reencode.ExitCode == 0, reencode.Stderr);
        var status = await CliRunner.RunAsync("status", "--root", root);
        Assert.Contains($"Stale: rawframes: the lists have changed since the frames were made. Run: kinetics-prep export rawframes --root {root}", status.Stdout);
        await CliRunner.RunAsync("report", "--root", root);
        Assert.Contains("export rawframes --root", File.ReadAllText(Path.Combine(root, "report.json")));

        var export = await CliRunner.RunAsync("export", "rawframes", "--root", root);
        Assert.True(export.ExitCode == 0, export.Stderr);
        var lines = File.ReadAllLines(Path.Combine(root, "lists", "train_rawframes.txt"));
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var folder = line.Split(' ')[0];
            var clip = Path.Combine(root, "videos_256p", "train", Path.GetFileName(folder) + ".mp4");
            var made = File.Exists(clip) ? clip : Path.Combine(root, "videos_256p", "replacement", Path.GetFileName(folder) + ".mp4");
            var (frame, video) = (Media.Inspect(Path.Combine(folder, "img_00001.jpg")), Media.Inspect(made));
            Assert.Equal((video.Width, video.Height), (frame.Width, frame.Height));
            Assert.Equal(256, Math.Min(frame.Width, frame.Height));
            Assert.Equal(video.Frames.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Split(' ')[1]);
        }
        Assert.DoesNotContain("Stale", (await CliRunner.RunAsync("status", "--root", root)).Stdout);
    }
}
