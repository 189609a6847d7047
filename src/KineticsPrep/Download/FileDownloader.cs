using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Running;
using KineticsPrep.State;
using Polly;
using Polly.Retry;

namespace KineticsPrep.Download;

/// <summary>
/// Fetches one file over HTTP (or from a local mirror folder) into TARGET.partial, resuming where it stopped
/// (<see cref="ResumePolicy"/>), retrying with exponential backoff and jitter, hashing as it streams, through one
/// <see cref="MirrorTransport"/>. The file is renamed to TARGET only when its size equals the server's Content-Length
/// and, when the server's ETag is a plain MD5, its bytes match it.
/// </summary>
public sealed class FileDownloader
{
    /// <summary>Where a download's retries are told of, for the retry strategy's callback.</summary>
    private static readonly ResiliencePropertyKey<(ItemProgress Progress, string Item)> RetriesOf = new("kinetics-prep.retries");

    private readonly MirrorTransport _transport;
    private readonly DownloadOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly ResumePolicy _resume;

    public FileDownloader(HttpClient http, DownloadOptions options)
        : this(new MirrorTransport(http, options), options, BuildRetry(options), new ResumePolicy(null, null))
    {
    }

    private FileDownloader(MirrorTransport transport, DownloadOptions options, ResiliencePipeline retry, ResumePolicy resume)
    {
        _transport = transport;
        _options = options;
        _retry = retry;
        _resume = resume;
    }

    /// <summary>The same downloader, keeping partial files' versions in <paramref name="state"/> and telling
    /// <paramref name="notes"/> when a download starts over.</summary>
    public FileDownloader WithState(StateStore state, IProgress<string>? notes) => new(_transport, _options, _retry, new ResumePolicy(state, notes));

    private static ResiliencePipeline BuildRetry(DownloadOptions options) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(2),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RetryableDownloadException { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(RetriesOf, out var retries))
                        retries.Progress.Retrying(new RetryNotice(retries.Item, args.Outcome.Exception?.Message ?? "failed",
                            DateTimeOffset.Now + args.RetryDelay, args.AttemptNumber + 2));
                    return default;
                },
            })
            .Build();

    /// <summary>A file that arrived whole: its size, SHA-256, and the server's ETag when it sent one.</summary>
    public sealed record Result(long Bytes, string Sha256, string? ETag);

    /// <summary>
    /// A failure another try may fix: 5xx, 429, a refused, dropped or short connection, a stall. (HTTP statuses that
    /// will not change, such as 404, come as <see cref="DownloadFailedException"/> from <see cref="MirrorTransport"/>.)
    /// </summary>
    private static bool IsTransient(Exception e) =>
        (e is RetryableDownloadException or IOException or TimeoutException or HttpRequestException) && !DiskSpace.IsFull(e);

    /// <param name="progress">Receives every chunk's size (a negative value when a restart throws away bytes), and each
    /// wait before a retry.</param>
    /// <exception cref="DownloadFailedException">Not found, forbidden, or still failing after every retry.</exception>
    public async Task<Result> DownloadAsync(string url, string target, ItemProgress? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + AtomicFile.TemporarySuffix;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetriesOf, (progress ?? ItemProgress.None, Path.GetFileName(target)));
        try
        {
            var (result, md5) = await _retry.ExecuteAsync(
                ctx => new ValueTask<(Result, string)>(AttemptAsync(url, partial, progress, ctx.CancellationToken)), context);
            if (PlainMd5(result.ETag) is { } expected && expected != md5)
            {
                File.Delete(partial);
                _resume.Forget(partial, url);
                throw new DownloadFailedException(
                    $"{url}: the downloaded bytes' MD5 is {md5}, but the server's ETag says {expected}; the partial file was removed, run again to download it anew");
            }
            File.Move(partial, target, overwrite: true);
            _resume.Forget(partial, url);
            return result;
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new DownloadFailedException($"{url}: {e.Message} (gave up after {_options.Retries} retries; run again to resume)");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The size of a remote file (HEAD's Content-Length, or a local file's length); null when unknown.</summary>
    public async Task<long?> SizeAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(token => new ValueTask<long?>(_transport.SizeAsync(url, token)), cancellationToken);
        }
        catch (Exception e) when (IsTransient(e) || e is DownloadFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// One try, no retries, before any work: a server that refuses the connection or a name that does not resolve is
    /// a wrong --mirror or a network down, to be said now, not a flaky transfer to retry for an hour. Any HTTP answer
    /// means the server is there; but when every one of <paramref name="urls"/> is missing (404, or no such file in a
    /// local mirror), the base path is wrong, and that is said now too, not as a wall of 404s. Other files a mirror
    /// lacks are reported file by file.
    /// </summary>
    /// <param name="urls">Files the mirror must hold: a release's first annotation file and first list file.</param>
    /// <param name="root">The mirror as the user gave it, for the message.</param>
    /// <exception cref="MirrorUnreachableException">The mirror is not there, or holds none of the files.</exception>
    public Task CheckReachableAsync(IReadOnlyList<string> urls, string root, CancellationToken cancellationToken) =>
        _transport.CheckReachableAsync(urls, root, cancellationToken);

    /// <summary>A small text file (a list of archive URLs), with the same retries.</summary>
    public async Task<string> FetchTextAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(token => new ValueTask<string>(_transport.TextAsync(url, token)), cancellationToken);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new DownloadFailedException($"{url}: {e.Message}");
        }
    }

    /// <returns>The file, and the MD5 of its bytes.</returns>
    private async Task<(Result, string)> AttemptAsync(string url, string partial, IProgress<long>? bytes, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var source = await _resume.OpenAsync(_transport, url, partial, cancellationToken);

        // Unbuffered (the chunks are already large): a write that fails for lack of space fails once, here, and not
        // again when the stream is disposed.
        await using var output = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, useAsync: true);
        if (source.Offset < existing)
            bytes?.Report(source.Offset - existing);
        output.SetLength(source.Offset);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await HashExistingAsync(output, source.Offset, [hash, md5], cancellationToken);

        using var pooled = new PooledBuffer(MirrorTransport.BufferSize);
        var buffer = pooled.Bytes;
        var window = Stopwatch.StartNew();
        long windowBytes = 0;
        try
        {
            while (true)
            {
                var read = await ReadWithStallTimeoutAsync(source.Body, buffer, cancellationToken);
                if (read == 0)
                    break;
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                hash.AppendData(buffer, 0, read);
                md5.AppendData(buffer, 0, read);
                bytes?.Report(read);
                windowBytes += read;
                if (window.Elapsed >= _options.SlowWindow)
                {
                    ThrowIfTooSlow(windowBytes, window.Elapsed);
                    window.Restart();
                    windowBytes = 0;
                }
            }
            await output.FlushAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }
        catch (IOException e) when (DiskSpace.IsFull(e))
        {
            // Not worth a retry: the partial file is kept and resumes once there is room.
            throw new DiskFullException(Path.GetDirectoryName(Path.GetFullPath(partial))!, source.Total - output.Length, e);
        }

        if (source.Total is { } total && output.Length != total)
            throw new RetryableDownloadException($"connection ended at {output.Length} of {total} bytes");
        if (source.Total is null && await UnprovenEndAsync(partial, output, source.Chunked, cancellationToken) is { } problem)
            throw new RetryableDownloadException($"the server sent no length, and {problem}: taken as cut short");
        return (new Result(output.Length, Convert.ToHexStringLower(hash.GetHashAndReset()), source.ETag),
            Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    private void ThrowIfTooSlow(long bytes, TimeSpan elapsed)
    {
        if (_options.MinimumRate > 0 && bytes < _options.MinimumRate * elapsed.TotalSeconds)
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"slower than {Bytes.Format(_options.MinimumRate)}/s for {_options.SlowWindow.TotalSeconds:0} s ({bytes} bytes in {elapsed.TotalSeconds:0.0} s)"));
    }

    /// <summary>
    /// Without a length, a body that ends may have been cut: a tar or tar.gz must end as a whole one does, and any
    /// other file must have come in chunked encoding (which marks its own end) or end with a line break.
    /// </summary>
    private static async Task<string?> UnprovenEndAsync(string partial, FileStream output, bool chunked, CancellationToken cancellationToken)
    {
        if (ArchiveFiles.IsArchive(Path.GetFileNameWithoutExtension(partial)))
            return await ArchiveEnd.ProblemAsync(output, cancellationToken);
        if (chunked || output.Length == 0)
            return null;
        output.Seek(-1, SeekOrigin.End);
        return output.ReadByte() == '\n' ? null : "the file does not end with a line break";
    }

    private async Task<int> ReadWithStallTimeoutAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_options.StallTimeout);
        try
        {
            return await body.ReadAsync(buffer, stall.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no data for {_options.StallTimeout.TotalSeconds:0} s");
        }
    }

    private static async Task HashExistingAsync(FileStream output, long length, IncrementalHash[] hashes, CancellationToken cancellationToken)
    {
        output.Seek(0, SeekOrigin.Begin);
        using var pooled = new PooledBuffer(MirrorTransport.BufferSize);
        var buffer = pooled.Bytes;
        long remaining = length;
        while (remaining > 0)
        {
            var read = await output.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
                break;
            foreach (var hash in hashes)
                hash.AppendData(buffer, 0, read);
            remaining -= read;
        }
        output.Seek(length, SeekOrigin.Begin);
    }

    /// <summary>
    /// The MD5 an ETag stands for: S3 gives a single-part upload the MD5 of its bytes (32 hex digits); a multipart
    /// upload's ETag ends in "-N" and is no checksum of the file.
    /// </summary>
    internal static string? PlainMd5(string? etag)
    {
        var tag = etag?.Trim('"').ToLowerInvariant();
        return tag is { Length: 32 } && tag.All(char.IsAsciiHexDigit) ? tag : null;
    }
}
