using System.Globalization;

namespace KineticsPrep.Tests;

/// <summary>compare: two copies made from the prepare fixture's mirror, each changed in one way.</summary>
[Collection(PrepareCollection.Name)]
public sealed class CompareTests(PrepareFixture fixture)
{
    [Fact(Timeout = Timeouts.Process)]
    public async Task The_same_mirror_prepared_with_one_worker_and_with_two_gives_byte_identical_clips_and_compare_same_output_exits_0()
    {
        var one = fixture.NewRoot("workers-1");
        var two = fixture.NewRoot("workers-2");

        var runs = new[] { await CliRunner.RunAsync(fixture.Prepare(one, "--workers", "1")), await CliRunner.RunAsync(fixture.Prepare(two, "--workers", "2")) };
        var compare = await CliRunner.RunAsync("compare", one, two, "--same", "output");

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr));
        var clips = Directory.GetFiles(Path.Combine(one, "videos_320p"), "*.mp4", SearchOption.AllDirectories);
        Assert.Equal(16, clips.Length);
        Assert.All(clips, clip => Assert.Equal(File.ReadAllBytes(clip), File.ReadAllBytes(Path.Combine(two, Path.GetRelativePath(one, clip)))));
        Assert.True(compare.ExitCode == 0, compare.Stdout + compare.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Two_roots_made_from_the_same_mirror_are_the_same_and_another_crf_differs_in_output_only_naming_the_setting()
    {
        var same = fixture.NewRoot("compare-same");
        var crf = fixture.NewRoot("compare-crf");
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(same))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(crf, "--crf", "30"))).ExitCode);

        var equal = await CliRunner.RunAsync("compare", fixture.Reference, same, "--same", "output");
        var bySource = await CliRunner.RunAsync("compare", fixture.Reference, crf);
        var byOutput = await CliRunner.RunAsync("compare", fixture.Reference, crf, "--same", "output");

        Assert.True(equal.ExitCode == 0, equal.Stdout + equal.Stderr);
        Assert.Contains("Differences: 0 only in A, 0 only in B, 0 source, 0 output, 0 label.", equal.Stdout);
        Assert.Equal(0, bySource.ExitCode);
        Assert.Equal(1, byOutput.ExitCode);
        Assert.Contains("Differences: 0 only in A, 0 only in B, 0 source, 15 output, 0 label.", byOutput.Stdout);
        Assert.Contains("Settings that differ: --crf 23 vs 30.", byOutput.Stdout);
        Assert.Contains("The toolchains are the same: the settings that differ account for the other bytes.", byOutput.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_manifest_names_the_whole_toolchain_and_compare_says_when_two_copies_were_made_by_other_ones()
    {
        var version = SystemCommand.Run(Media.Tools.FFmpegPath, "-hide_banner", "-version").Split('\n');
        var copy = fixture.CopyOfReference("other-toolchain");
        var json = Path.Combine(copy, "lists", "manifest.json");
        var toolchain = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("toolchain");
        var x264 = toolchain.GetProperty("libx264").GetString()!;
        // The copy's clips as another x264 would have made them: other bytes, and another core in its manifest.
        File.WriteAllText(json, File.ReadAllText(json).Replace(x264, "core 157 r2969 d4099dd", StringComparison.Ordinal));
        var clip = Directory.GetFiles(Path.Combine(copy, "videos_320p", "val"), "*.mp4")[0];
        var manifest = Path.Combine(copy, "lists", "manifest.csv.gz");
        var rows = PrepareFixture.ListFile(manifest, "\0");
        var sha = rows.Split('\n').Single(r => r.Contains(Path.GetFileName(clip), StringComparison.Ordinal)).Split(',')[12];
        WriteGzip(manifest, rows.Replace(sha, new string('0', 64), StringComparison.Ordinal));

        var compare = await CliRunner.RunAsync("compare", fixture.Reference, copy, "--same", "output");
        var same = await CliRunner.RunAsync("compare", fixture.Reference, fixture.Reference, "--same", "output");

        Assert.Equal(version[0].Trim(), toolchain.GetProperty("ffmpeg").GetString());
        Assert.Equal(version.Single(l => l.StartsWith("configuration:", StringComparison.Ordinal))["configuration:".Length..].Trim(),
            toolchain.GetProperty("configuration").GetString());
        foreach (var library in new[] { "libavcodec", "libavformat", "libswscale" })
            Assert.StartsWith(toolchain.GetProperty(library).GetString()!, version.Single(l => l.StartsWith(library, StringComparison.Ordinal))[library.Length..].Trim());
        Assert.Matches(@"^core \d+ r\d+", x264);
        Assert.Equal(1, compare.ExitCode);
        Assert.Contains("Differences: 0 only in A, 0 only in B, 0 source, 1 output, 0 label.", compare.Stdout);
        Assert.Contains($"The toolchains differ (libx264 {x264} vs core 157 r2969 d4099dd): the same sources and settings can give other bytes.", compare.Stdout);
        Assert.Equal(0, same.ExitCode);
    }

    private static void WriteGzip(string path, string text)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_copy_whose_mirror_had_an_archive_replaced_differs_in_the_source_of_that_archive_s_clips()
    {
        // The mirror with train/part_1.tar.gz replaced in place (as the CVDF did): the same clip names, other bytes.
        using var mirror = new TempFolder();
        TempFolder.CopyTree(fixture.Mirror, mirror.Path);
        var archive = Path.Combine(mirror.Path, "400", "train", "part_1.tar.gz");
        using var members = new TempFolder();
        SystemCommand.Run("tar", "-xzf", archive, "-C", members.Path);
        var clips = Directory.GetFiles(members.Path, "*.mp4", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal)).ToList();
        foreach (var clip in clips)
        {
            SystemCommand.Run(Media.Tools.FFmpegPath, "-nostdin", "-v", "error", "-i", clip, "-vf", "hflip", "-c:v", "libx264", "-preset", "ultrafast", "-y", clip + ".mp4");
            File.Move(clip + ".mp4", clip, overwrite: true);
        }
        SystemCommand.Run("tar", "-czf", archive, "-C", members.Path, ".");
        using var nginx = new NginxServer(mirror.Path);
        var root = fixture.NewRoot("compare-replaced");
        var run = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(nginx, root));

        var bySource = await CliRunner.RunAsync("compare", fixture.Reference, root);
        var byLists = await CliRunner.RunAsync("compare", fixture.Reference, root, "--same", "lists");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(1, bySource.ExitCode);
        Assert.Contains($"Differences: 0 only in A, 0 only in B, {clips.Count} source, 0 output, 0 label.", bySource.Stdout);
        Assert.All(clips, clip => Assert.Contains($"source: train/{Path.GetFileNameWithoutExtension(clip)}: ", bySource.Stdout));
        Assert.Equal(0, byLists.ExitCode);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Verify_against_the_manifest_finds_a_flipped_byte_in_one_clip()
    {
        var root = fixture.CopyOfReference("verify-against");
        var manifest = Path.Combine(root, "lists", "manifest.csv.gz");
        var clean = await CliRunner.RunAsync("verify", "--against", manifest);
        var clip = Directory.GetFiles(Path.Combine(root, "videos_320p", "val")).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(clip);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(clip, bytes);

        var flipped = await CliRunner.RunAsync("verify", "--against", manifest);

        Assert.True(clean.ExitCode == 0, clean.Stdout + clean.Stderr);
        Assert.Contains("15 clips checked against", clean.Stdout);
        Assert.Equal(1, flipped.ExitCode);
        Assert.Contains(": 1 not as recorded.", flipped.Stdout);
        Assert.Contains($"{clip}: SHA-256 ", flipped.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_copy_missing_three_clips_names_them_and_a_copy_with_another_label_map_differs_in_its_lists_only()
    {
        var missing = fixture.CopyOfReference("compare-missing");
        // Not the first: CVDF's replacement stands in for it.
        var gone = Directory.GetFiles(Path.Combine(missing, "videos_320p", "train")).Order(StringComparer.Ordinal).Skip(1).Take(3).ToList();
        gone.ForEach(File.Delete);
        Assert.Equal(0, (await CliRunner.RunAsync("annotate", "--root", missing)).ExitCode);
        var labels = fixture.CopyOfReference("compare-labels");
        Assert.Equal(0, (await CliRunner.RunAsync("annotate", "--root", labels, "--labels", "mmaction2-k400")).ExitCode);
        using var differences = new TempFolder();

        var three = await CliRunner.RunAsync("compare", fixture.Reference, missing, "--out", differences.Combine("d.csv"));
        var bySource = await CliRunner.RunAsync("compare", fixture.Reference, labels);
        var byLists = await CliRunner.RunAsync("compare", fixture.Reference, Path.Combine(labels, "lists", "manifest.csv.gz"), "--same", "lists");
        var none = await CliRunner.RunAsync("compare", fixture.Reference, differences.Path);

        Assert.Equal(1, three.ExitCode);
        Assert.Contains("Differences: 3 only in A, 0 only in B, 0 source, 0 output, 0 label.", three.Stdout);
        Assert.All(gone, clip => Assert.Contains($"only in A: train/{Path.GetFileNameWithoutExtension(clip)}", three.Stdout));
        Assert.Equal(4, File.ReadAllLines(differences.Combine("d.csv")).Length);
        // Per class: each class a gone clip was listed under holds that many fewer in B, and no other class differs.
        var reference = Dataset.ManifestFile.Load(fixture.Reference).Rows.Values;
        var goneByClass = gone.Select(clip => reference.Single(r => r.OutputPath is { } path && path.EndsWith(Path.GetFileName(clip), StringComparison.Ordinal)).Label!)
            .GroupBy(label => label).ToDictionary(g => g.Key, g => g.Count());
        var perClass = File.ReadAllLines(differences.Combine("d.classes.csv")).Skip(1).Select(line => line.Split(','))
            .Where(f => f[0] == "train" && int.Parse(f[2], CultureInfo.InvariantCulture) != int.Parse(f[3], CultureInfo.InvariantCulture))
            .ToDictionary(f => f[1].Trim('"'), f => int.Parse(f[2], CultureInfo.InvariantCulture) - int.Parse(f[3], CultureInfo.InvariantCulture));
        Assert.Equal(goneByClass.OrderBy(p => p.Key, StringComparer.Ordinal), perClass.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Contains($"Classes held differently: {goneByClass.Count} of ", three.Stdout);
        Assert.Equal(0, bySource.ExitCode);
        Assert.Equal(1, byLists.ExitCode);
        // "abseiling" and "air drumming" are ids 0 and 1 in both maps; "playing guitar" is 2 here and 232 in mmaction2's.
        Assert.Contains("Differences: 0 only in A, 0 only in B, 0 source, 0 output, 5 label.", byLists.Stdout);
        Assert.Contains("label: train/demo0000002_000020_000030: playing guitar (2) | playing guitar (232)", byLists.Stdout);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no manifest at", none.Stderr);
    }
}
