using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Tests;

/// <summary>A mirror's list file is untrusted: it can neither write nor read outside the dataset root.</summary>
public sealed class HostileListTests : IDisposable
{
    private readonly TempFolder _outer = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        _http.Dispose();
        _outer.Dispose();
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lines_that_leave_the_release_are_refused_by_name_and_nothing_is_fetched_for_them(bool overHttp)
    {
        using var mirror = MirrorTree.K400(archivesPerSplit: 2, clipBytes: 1000, "train");
        await using var otherHost = await FaultServer.StartAsync();
        otherHost.Serve("/kp-evil2.tar.gz", [1, 2, 3]);
        // What the climbing line would reach on the mirror: a file outside its tree.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(mirror.Path)!, "kp-evil1.tar.gz"), "evil");
        string[] hostile =
        [
            $"{DatasetCatalog.CvdfPrefix}/400/train/..%2F..%2F..%2Fkp-evil1.tar.gz",
            "file:///etc/hostname",
            $"{otherHost.Url}/kp-evil2.tar.gz",
            $"{DatasetCatalog.CvdfPrefix}/400/train/%2E%2E",
        ];
        var list = mirror.Combine("400", "train", "k400_train_path.txt");
        File.AppendAllLines(list, hostile);
        using var nginx = overHttp ? new NginxServer(mirror.Path) : null;
        var root = _outer.Combine("a", "b", "root");
        Directory.CreateDirectory(root);

        var summary = await new DownloadRunner(StateStore.Open(new DatasetRoot(root)), new FileDownloader(_http, new DownloadOptions()),
                new Mirror(nginx?.Url ?? mirror.Path), 2)
            .RunAsync(DatasetCatalog.Find("k400")!, ["train"], null, CancellationToken.None);

        Assert.Equal(hostile.Length, summary.Failures.Count);
        for (var i = 0; i < hostile.Length; i++)
            Assert.Contains(summary.Failures, f => f.StartsWith($"train list, line {3 + i}: refused '{hostile[i]}': ", StringComparison.Ordinal)
                && f.EndsWith("; nothing was fetched for it", StringComparison.Ordinal));
        Assert.Empty(otherHost.Requests);
        Assert.Equal(["part_0.tar.gz", "part_1.tar.gz"], Directory.GetFiles(Path.Combine(root, "archives", "train")).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(_outer.Path, "kp-evil*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(root, "hostname", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("https://s3.amazonaws.com/kinetics/400/train/part_0.tar.gz", "part_0.tar.gz")]
    [InlineData("https://s3.amazonaws.com/kinetics/600/train/pull%20ups.tar.gz", "pull ups.tar.gz")]
    [InlineData("https://s3.amazonaws.com/kinetics/400/train/../val/part_1.tar.gz", "part_1.tar.gz")]
    public void A_url_under_the_release_gives_its_unescaped_file_name(string url, string name)
    {
        var release = url.Contains("/600/") ? "https://s3.amazonaws.com/kinetics/600" : "https://s3.amazonaws.com/kinetics/400";
        Assert.Equal((name, (string?)null), ListedUrl.Check(url, release));
    }

    [Theory]
    [InlineData("https://s3.amazonaws.com/kinetics/400/../evil.tar.gz")]
    [InlineData("https://s3.amazonaws.com/kinetics/4000/evil.tar.gz")]
    [InlineData("http://s3.amazonaws.com/kinetics/400/train/part_0.tar.gz")]
    [InlineData("https://s3.amazonaws.com.evil.example/kinetics/400/train/part_0.tar.gz")]
    [InlineData("https://s3.amazonaws.com/kinetics/400/train/a%0Ab.tar.gz")]
    [InlineData("https://s3.amazonaws.com/kinetics/400/train/")]
    [InlineData("https://s3.amazonaws.com/kinetics/400/train/..%5Cevil.tar.gz")]
    [InlineData("/etc/passwd")]
    public void Anything_else_is_refused_with_a_reason(string url)
    {
        var (name, problem) = ListedUrl.Check(url, "https://s3.amazonaws.com/kinetics/400");
        Assert.Null(name);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void A_mirror_folder_is_read_unescaped_and_nothing_outside_it_is_accepted()
    {
        var mirror = _outer.Combine("mirror", "600");
        Assert.Equal(("pull ups.tar.gz", (string?)null), ListedUrl.Check($"{mirror}/train/pull%20ups.tar.gz", mirror));
        Assert.NotNull(ListedUrl.Check($"{mirror}/train/%2E%2E/%2E%2E/%2E%2E/x.tar.gz", mirror).Problem);
        Assert.NotNull(ListedUrl.Check("file:///etc/hostname", mirror).Problem);
        Assert.Equal(Path.Combine(mirror, "train", "pull ups.tar.gz"), Mirror.LocalPath($"{mirror}/train/pull%20ups.tar.gz"));
    }
}
