using KineticsPrep.Media;

namespace KineticsPrep.Tests;

public sealed partial class PrepareTests
{
    /// <summary>
    /// The disk fills in each stage in turn: a small disk under the whole root, then under the folder that one stage
    /// writes (downloads, extraction, resize, the state store, the lists).
    /// </summary>
    [Theory(Timeout = Timeouts.Process)]
    [InlineData("", 640)]
    [InlineData("archives", 64)]
    [InlineData("videos", 96)]
    [InlineData("videos_320p", 96)]
    [InlineData(".kinetics-prep", 48)]
    [InlineData("lists", 4)]
    public async Task A_disk_that_fills_stops_prepare_plainly_and_after_freeing_space_the_rerun_equals_a_clean_run(string folder, int kibibytes)
    {
        var root = fixture.NewRoot("full-" + folder.TrimStart('.'));
        using var disk = new SmallDisk(Path.Combine(root, folder), kibibytes);

        var full = await CliRunner.RunAsync(fixture.Prepare(root, "--force"));

        Assert.True(full.ExitCode == 2, $"exit {full.ExitCode}: {full.Stdout}{full.Stderr}");
        Assert.Contains($"kinetics-prep: the disk is full under {disk.Folder.TrimEnd('/')}", full.Stderr);
        Assert.Contains("free, ", full.Stderr);
        Assert.DoesNotContain("   at ", full.Stderr);
        AssertEveryResizedClipIsWhole(root);

        disk.Grow(64 * 1024);
        var rerun = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
        AssertEveryResizedClipIsWhole(root);
    }

    private static void AssertEveryResizedClipIsWhole(string root)
    {
        var resized = Path.Combine(root, "videos_320p");
        if (!Directory.Exists(resized))
            return;
        Assert.All(Directory.GetFiles(resized, "*.mp4", SearchOption.AllDirectories), clip =>
        {
            using var file = File.OpenRead(clip);
            Assert.Null(Mp4Container.Problem(file));
            Assert.Equal(15, Media.Inspect(clip).Frames);
        });
    }
}
