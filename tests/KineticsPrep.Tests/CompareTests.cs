using System.Globalization;

namespace KineticsPrep.Tests;

/// <summary>compare: two copies made from the prepare fixture's mirror, each changed in one way.</summary>
[Collection(PrepareCollection.Name)]
public sealed class CompareTests(PrepareFixture fixture)
{
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
