namespace KineticsPrep.Tests;

/// <summary>prepare --plan: the numbers of a run on one screen, and nothing written.</summary>
[Collection(PrepareCollection.Name)]
public sealed class PlanTests(PrepareFixture fixture) : IDisposable
{
    private readonly TempFolder _parent = new();

    public void Dispose() => _parent.Dispose();

    [Fact(Timeout = Timeouts.Process)]
    public async Task Plan_prints_the_splits_download_disk_time_and_recipe_and_writes_nothing()
    {
        var root = _parent.Combine("k400");
        File.WriteAllText(_parent.Combine("already-here.txt"), "x");
        var before = Directory.GetFileSystemEntries(_parent.Path, "*", SearchOption.AllDirectories);

        using var nginx = new NginxServer(fixture.Mirror);

        var run = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(nginx, root, "--for", "mmaction2", "--plan"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(_parent.Path, "*", SearchOption.AllDirectories));
        Assert.Matches(@"\n  train +3 +10\n  val +1 +4\n  test +1 +4\n", run.Stdout);
        Assert.Matches(@"Download: [\d.]+ MiB\.", run.Stdout);
        Assert.Matches(@"Disk at its peak: [\d.]+ MiB; [\d.]+ MiB with --keep-originals\.", run.Stdout);
        Assert.Matches($@"Free: [\d.]+ [KMGT]?i?B under {System.Text.RegularExpressions.Regex.Escape(_parent.Path)}\.", run.Stdout);
        Assert.Matches(@"Resize time, estimated from a sample encoded here: about \d+ (s|min)", run.Stdout);
        Assert.Contains("--short-side 256, --profile seekable", run.Stdout);
        Assert.Contains("--format mmaction2, --labels mmaction2-k400", run.Stdout);
        Assert.All(run.Stdout.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Contains(nginx.Requests, r => r.Contains("HEAD /400/train/part_0.tar.gz", StringComparison.Ordinal));
        Assert.DoesNotContain(nginx.Requests, r => r.Contains("GET ", StringComparison.Ordinal) && r.Contains(".tar.gz", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_run_counts_the_clips_it_should_make_from_the_annotation_rows_for_its_time_left()
    {
        var options = new KineticsPrep.Pipeline.PrepareOptions(KineticsPrep.Dataset.DatasetCatalog.Find("k400")!, new KineticsPrep.Dataset.DatasetRoot(_parent.Combine("counted")))
        {
            Mirror = new KineticsPrep.Dataset.Mirror(fixture.Nginx.Url),
        };
        using var http = new HttpClient();

        var start = await new KineticsPrep.Pipeline.PreparePipeline(options, new KineticsPrep.Download.FileDownloader(http, new KineticsPrep.Download.DownloadOptions()), Media.Tools)
            .StartAsync(CancellationToken.None);

        // The annotation rows of train, val and test: 10, 4 and 4 (one of each is a clip the mirror lacks).
        Assert.Equal(18, start.ExpectedClips);
    }
}
