using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Tests;

/// <summary>A resume continues the same version of a file, and an S3-style MD5 ETag is checked.</summary>
public sealed class ResumeVersionTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<string> _notes = [];

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }

    private static readonly DownloadOptions Options = new() { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(50), StallTimeout = TimeSpan.FromSeconds(30) };

    private FileDownloader Downloader() =>
        new FileDownloader(_http, Options).WithState(StateStore.Open(new DatasetRoot(_root.Path)), new DelegateProgress<string>(note => { lock (_notes) _notes.Add(note); }));

    private static string Quoted(string tag) => $"\"{tag}\"";

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>Starts a download that stalls halfway, and kills it once half the file is on disk.</summary>
    private static async Task KillHalfwayAsync(FileDownloader downloader, string url, string target, long half)
    {
        using var kill = new CancellationTokenSource();
        var download = downloader.DownloadAsync(url, target, null, kill.Token);
        var partial = target + ".partial";
        await Wait.UntilAsync(() => File.Exists(partial) && new FileInfo(partial).Length >= half, TimeSpan.FromSeconds(10));
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.Equal(half, new FileInfo(partial).Length);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_file_replaced_on_the_server_between_a_kill_and_the_resume_ends_as_the_new_file_byte_for_byte()
    {
        await using var server = await FaultServer.StartAsync();
        var old = RandomNumberGenerator.GetBytes(2_000_000);
        var replacement = RandomNumberGenerator.GetBytes(2_000_000);
        server.Serve("/part_120.tar.gz", old, FaultServer.Fault.StallOnce, Quoted("v1"));
        var target = _root.Combine("part_120.tar.gz");
        await KillHalfwayAsync(Downloader(), $"{server.Url}/part_120.tar.gz", target, 1_000_000);

        server.Serve("/part_120.tar.gz", replacement, etag: Quoted("v2"));
        var result = await Downloader().DownloadAsync($"{server.Url}/part_120.tar.gz", target, null, CancellationToken.None);

        Assert.Equal(replacement, File.ReadAllBytes(target));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(replacement)), result.Sha256);
        var resume = server.Requests.Last();
        Assert.Equal(("bytes=1000000-", 200), (resume.Range, resume.Status));
        Assert.Equal(Quoted("v1"), server.IfRanges.Last());
        Assert.Contains("the file changed on the server since its partial download began; starting again from zero", Assert.Single(_notes));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_unchanged_file_resumes_with_if_range_and_only_the_rest_is_sent()
    {
        await using var server = await FaultServer.StartAsync();
        var body = RandomNumberGenerator.GetBytes(2_000_000);
        server.Serve("/val.tar.gz", body, FaultServer.Fault.StallOnce, Quoted(Md5(body)));
        var target = _root.Combine("val.tar.gz");
        await KillHalfwayAsync(Downloader(), $"{server.Url}/val.tar.gz", target, 1_000_000);

        var result = await Downloader().DownloadAsync($"{server.Url}/val.tar.gz", target, null, CancellationToken.None);

        Assert.Equal(body, File.ReadAllBytes(target));
        Assert.Equal(("bytes=1000000-", 206), (server.Requests.Last().Range, server.Requests.Last().Status));
        Assert.Equal(Quoted(Md5(body)), server.IfRanges.Last());
        Assert.Equal(Quoted(Md5(body)), result.ETag);
        Assert.Empty(_notes);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Bytes_that_do_not_match_an_md5_etag_are_a_failed_download_and_nothing_is_kept()
    {
        await using var server = await FaultServer.StartAsync();
        var body = RandomNumberGenerator.GetBytes(100_000);
        var other = RandomNumberGenerator.GetBytes(100_000);
        server.Serve("/test.tar.gz", body, etag: Quoted(Md5(other)));
        var target = _root.Combine("test.tar.gz");

        var error = await Assert.ThrowsAsync<DownloadFailedException>(() =>
            Downloader().DownloadAsync($"{server.Url}/test.tar.gz", target, null, CancellationToken.None));

        Assert.Contains($"the downloaded bytes' MD5 is {Md5(body)}, but the server's ETag says {Md5(other)}", error.Message);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_multipart_etag_is_recorded_but_is_no_checksum()
    {
        await using var server = await FaultServer.StartAsync();
        var body = RandomNumberGenerator.GetBytes(100_000);
        server.Serve("/train.tar.gz", body, etag: Quoted("0123456789abcdef0123456789abcdef-12"));
        var state = StateStore.Open(new DatasetRoot(_root.Path));
        var runnerItem = new DownloadItem($"{server.Url}/train.tar.gz", _root.Combine("archives", "train", "train.tar.gz"), "train");

        var (_, failure) = await new DownloadStep(new FileDownloader(_http, Options), state).RunAsync(runnerItem, null, CancellationToken.None);

        Assert.Null(failure);
        Assert.Equal(body, File.ReadAllBytes(runnerItem.Target));
        Assert.Equal(Quoted("0123456789abcdef0123456789abcdef-12"), state.FindDownload("archives/train/train.tar.gz")!.ETag);
    }
}
