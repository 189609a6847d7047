using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Tests;

public sealed class DownloadTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    private static readonly DownloadOptions Fast = new() { Jobs = 3, Retries = 4, RetryDelay = TimeSpan.FromMilliseconds(50), StallTimeout = TimeSpan.FromSeconds(1) };

    private Task<DownloadSummary> DownloadAsync(string mirror, params string[] splits) =>
        new DownloadRunner(StateStore.Open(new DatasetRoot(_root.Path)), new FileDownloader(_http, Fast), new Mirror(mirror), Fast.Jobs)
            .RunAsync(DatasetCatalog.Find("k400")!, splits.Length > 0 ? splits : ["train", "val"], null, CancellationToken.None);

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_mirror_served_by_nginx_arrives_byte_identical_with_urls_in_list_files_rewritten()
    {
        using var mirror = MirrorTree.K400();
        using var nginx = new NginxServer(mirror.Path);

        var summary = await DownloadAsync(nginx.Url);

        Assert.Empty(summary.Failures);
        Assert.Equal(7, summary.Downloaded); // 2 annotation CSVs, 4 archives, the replacement archive
        foreach (var (split, archives) in mirror.Archives)
        {
            foreach (var archive in archives)
                Assert.Equal(File.ReadAllBytes(archive), File.ReadAllBytes(_root.Combine("archives", split, Path.GetFileName(archive))));
        }
        Assert.True(File.Exists(_root.Combine("archives", "replacement", "replacement_for_corrupted_k400.tgz")));
        Assert.True(File.Exists(_root.Combine("annotations", "val.csv")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_sha256_of_each_file_is_recorded_and_a_second_run_skips_everything()
    {
        using var mirror = MirrorTree.K400();
        using var nginx = new NginxServer(mirror.Path);
        await DownloadAsync(nginx.Url);

        var second = await DownloadAsync(nginx.Url);

        Assert.Equal((0, 7), (second.Downloaded, second.AlreadyDone));
        var record = StateStore.Open(new DatasetRoot(_root.Path)).FindDownload("archives/train/part_0.tar.gz")!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(mirror.Archives["train"][0])));
        Assert.Equal(expected, record.Sha256);
        Assert.Equal($"{nginx.Url}/400/train/part_0.tar.gz", record.Url);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_missing_archive_is_reported_and_the_others_still_arrive()
    {
        using var mirror = MirrorTree.K400();
        File.Delete(mirror.Archives["val"][1]);
        using var nginx = new NginxServer(mirror.Path);

        var summary = await DownloadAsync(nginx.Url);

        Assert.Contains("part_1.tar.gz: HTTP 404", Assert.Single(summary.Failures));
        Assert.Equal(6, summary.Downloaded);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Archive_names_with_spaces_are_kept_and_a_local_folder_works_as_a_mirror()
    {
        using var mirror = new MirrorTree();
        mirror.AddSplit("val", ["abseiling part 1.tar.gz", "air%20drumming.tar.gz"], 1000);

        var summary = await DownloadAsync(mirror.Path, "val");

        Assert.Empty(summary.Failures);
        Assert.True(File.Exists(_root.Combine("archives", "val", "abseiling part 1.tar.gz")));
        Assert.True(File.Exists(_root.Combine("archives", "val", "air drumming.tar.gz")));
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData(FaultServer.Fault.DropMidBodyOnce)]
    [InlineData(FaultServer.Fault.StallOnce)]
    public async Task A_dropped_or_stalled_connection_is_resumed_with_a_range_request(FaultServer.Fault fault)
    {
        await using var server = await FaultServer.StartAsync();
        var body = System.Security.Cryptography.RandomNumberGenerator.GetBytes(3_000_000);
        server.Serve("/file.bin", body, fault);

        var result = await new FileDownloader(_http, Fast).DownloadAsync($"{server.Url}/file.bin", _root.Combine("file.bin"), null, CancellationToken.None);

        Assert.Equal(body, File.ReadAllBytes(_root.Combine("file.bin")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), result.Sha256);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal((null, 200), (requests[0].Range, requests[0].Status));
        Assert.Equal(206, requests[1].Status);
        Assert.StartsWith("bytes=", requests[1].Range);
        Assert.False(File.Exists(_root.Combine("file.bin.partial")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Service_unavailable_is_retried_after_the_servers_retry_after()
    {
        await using var server = await FaultServer.StartAsync();
        var body = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1000);
        server.Serve("/file.bin", body, FaultServer.Fault.UnavailableTwice);
        var started = DateTime.UtcNow;

        await new FileDownloader(_http, Fast).DownloadAsync($"{server.Url}/file.bin", _root.Combine("file.bin"), null, CancellationToken.None);

        Assert.Equal(body, File.ReadAllBytes(_root.Combine("file.bin")));
        Assert.Equal([503, 503, 200], server.Requests.Select(r => r.Status));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.9), "Retry-After: 1 was not honoured");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_server_that_answers_a_range_request_with_200_makes_the_file_start_over()
    {
        await using var server = await FaultServer.StartAsync();
        var body = System.Security.Cryptography.RandomNumberGenerator.GetBytes(100_000);
        server.Serve("/file.bin", body, FaultServer.Fault.IgnoreRange);
        File.WriteAllBytes(_root.Combine("file.bin.partial"), body[..40_000].Select(b => (byte)~b).ToArray());

        await new FileDownloader(_http, Fast).DownloadAsync($"{server.Url}/file.bin", _root.Combine("file.bin"), null, CancellationToken.None);

        Assert.Equal(body, File.ReadAllBytes(_root.Combine("file.bin")));
        Assert.Equal("bytes=40000-", server.Requests.Single().Range);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_404_is_not_retried()
    {
        await using var server = await FaultServer.StartAsync();
        var error = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            new FileDownloader(_http, Fast).DownloadAsync($"{server.Url}/nope.tar.gz", _root.Combine("nope"), null, CancellationToken.None));
        Assert.Contains("404", error.Message);
        Assert.Single(server.Requests);
    }
}
