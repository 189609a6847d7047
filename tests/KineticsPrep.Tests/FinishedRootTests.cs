using KineticsPrep.IO;

namespace KineticsPrep.Tests;

/// <summary>A rerun of a finished root has nothing to do: it needs no mirror, and it rewrites no file.</summary>
[Collection(PrepareCollection.Name)]
public sealed class FinishedRootTests(PrepareFixture fixture)
{
    private const string Unreachable = "http://127.0.0.1:9";

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_rerun_with_the_mirror_unreachable_exits_0_says_the_root_is_complete_and_rewrites_no_file()
    {
        var root = fixture.CopyOfReference("finished-offline");
        // The copy's lists were edited to name its clips: a first rerun writes them as prepare would.
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(root))).ExitCode);
        var before = Stamps(root);

        var offline = await CliRunner.RunAsync(fixture.Prepare(root).Select(a => a == fixture.Nginx.Url ? Unreachable : a).ToArray());

        Assert.True(offline.ExitCode == 0, offline.Stdout + offline.Stderr);
        Assert.Contains("The archives to do are known from the root's records", offline.Stdout);
        Assert.Contains("The root is complete: all 6 archives processed, no clip to make again.", offline.Stdout);
        Assert.Equal(before, Stamps(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_list_edited_by_hand_is_written_again_by_a_rerun_and_the_other_files_are_left_as_they_are()
    {
        var root = fixture.CopyOfReference("finished-edited");
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(root))).ExitCode);
        var val = Path.Combine(root, "lists", "val.csv");
        var written = File.ReadAllText(val);
        File.WriteAllText(val, "edited by hand\n");
        var before = Stamps(root);

        var rerun = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Equal(written, File.ReadAllText(val));
        var clips = before.Keys.Where(k => k.StartsWith("videos_320p/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(clips);
        Assert.All(clips, clip => Assert.Equal(before[clip], Stamps(root)[clip]));
    }

    /// <summary>Every file outside the state folder, with its size, modification time and ctime.</summary>
    private static SortedDictionary<string, FileStamp?> Stamps(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith(".kinetics-prep", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), FileStamp.Of), StringComparer.Ordinal);
}
