using System.Net;
using System.Text;
using KineticsPrep.Download;

namespace KineticsPrep.Tests;

/// <summary>Servers that lie about lengths, compress what was asked for as stored, or trickle.</summary>
public sealed class DownloadFaultTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static readonly DownloadOptions Fast = new() { Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(50), StallTimeout = TimeSpan.FromSeconds(5) };

    /// <summary>Asks in HTTP/1.0, so that a response without a Content-Length ends only when the server closes.</summary>
    private sealed class Http10Handler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Version = HttpVersion.Version10;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static byte[] Archive(string folder)
    {
        var path = TestArchives.Write(Path.Combine(folder, "source.tar.gz"), gzip: true,
            TestArchives.File("a_000001_000011.mp4", new string('a', 300_000)), TestArchives.File("b_000002_000012.mp4", Convert.ToBase64String(new byte[200_000])));
        return File.ReadAllBytes(path);
    }

    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"label{i},youtube{i:000000},{i},{i + 10},train\n")));

    public static TheoryData<string> Names => new() { "part_0.tar.gz", "train.csv" };

    private byte[] Body(string name) => name.EndsWith(".csv", StringComparison.Ordinal) ? Csv : Archive(_root.Combine("made"));

    [Theory(Timeout = Timeouts.Process)]
    [MemberData(nameof(Names))]
    public async Task A_body_without_a_length_that_the_server_cuts_short_is_not_taken_for_the_file_and_is_fetched_again(string name)
    {
        await using var server = await FaultServer.StartAsync();
        var body = Body(name);
        server.Serve("/" + name, body, FaultServer.Fault.NoLengthCutOnce);
        using var http = new HttpClient(new Http10Handler());

        await new FileDownloader(http, Fast).DownloadAsync($"{server.Url}/{name}", _root.Combine(name), null, CancellationToken.None);

        Assert.Equal(body, File.ReadAllBytes(_root.Combine(name)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory(Timeout = Timeouts.Process)]
    [MemberData(nameof(Names))]
    public async Task A_server_that_always_cuts_a_body_without_a_length_fails_the_file_with_that_reason(string name)
    {
        await using var server = await FaultServer.StartAsync();
        server.Serve("/" + name, Body(name), FaultServer.Fault.NoLengthAlwaysCut);
        using var http = new HttpClient(new Http10Handler());

        var failure = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            new FileDownloader(http, Fast).DownloadAsync($"{server.Url}/{name}", _root.Combine(name), null, CancellationToken.None));

        Assert.Contains("the server sent no length", failure.Message);
        Assert.False(File.Exists(_root.Combine(name)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_compressed_response_to_a_request_for_the_stored_bytes_is_refused_with_its_reason()
    {
        await using var server = await FaultServer.StartAsync();
        server.Serve("/train.csv", Csv, FaultServer.Fault.GzipEncoded);
        using var http = new HttpClient();

        var failure = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            new FileDownloader(http, Fast).DownloadAsync($"{server.Url}/train.csv", _root.Combine("train.csv"), null, CancellationToken.None));

        Assert.Contains("Content-Encoding 'gzip'", failure.Message);
        Assert.Equal(["identity"], server.AcceptEncodings);
        Assert.False(File.Exists(_root.Combine("train.csv")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_server_that_trickles_counts_as_stalled_under_the_minimum_rate_rule()
    {
        await using var server = await FaultServer.StartAsync();
        server.Serve("/part_0.tar.gz", new byte[100_000], FaultServer.Fault.Trickle);
        using var http = new HttpClient();
        var options = Fast with { Retries = 1, MinimumRate = 10 * 1024, SlowWindow = TimeSpan.FromSeconds(1) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            new FileDownloader(http, options).DownloadAsync($"{server.Url}/part_0.tar.gz", _root.Combine("part_0.tar.gz"), null, CancellationToken.None));

        Assert.Contains("slower than 10 KiB/s for 1 s", failure.Message);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("http://127.0.0.1:9", "cannot reach the mirror http://127.0.0.1:9: the connection was refused")]
    [InlineData("/nonexistent/mirror", "the mirror folder /nonexistent/mirror does not exist")]
    public async Task A_mirror_that_is_not_there_stops_prepare_and_download_at_once_with_exit_2(string mirror, string message)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var prepare = await CliRunner.RunAsync("prepare", "k400", "--root", _root.Combine("prepare"), "--mirror", mirror);
        var download = await CliRunner.RunAsync("download", "k400", "--root", _root.Combine("download"), "--mirror", mirror);

        Assert.Equal((2, 2), (prepare.ExitCode, download.ExitCode));
        Assert.Contains($"kinetics-prep: {message}. Check --mirror", prepare.Stderr);
        Assert.Contains($"kinetics-prep: {message}. Check --mirror", download.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
