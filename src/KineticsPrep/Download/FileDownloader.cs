using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using KineticsPrep.Catalog;
using Polly;
using Polly.Retry;

namespace KineticsPrep.Download;

/// <summary>
/// Fetches one file over HTTP (or from a local mirror folder) into TARGET.partial, resuming with Range requests,
/// retrying with exponential backoff and jitter, hashing as it streams. The file is renamed to TARGET only when its
/// size equals the server's Content-Length.
/// </summary>
public sealed class FileDownloader
{
    private const int BufferSize = 1 << 20;

    private readonly HttpClient _http;
    private readonly DownloadOptions _options;
    private readonly ResiliencePipeline _retry;

    public FileDownloader(HttpClient http, DownloadOptions options)
    {
        _http = http;
        _options = options;
        _retry = new ResiliencePipelineBuilder()
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
            })
            .Build();
    }

    public sealed record Result(long Bytes, string Sha256);

    /// <summary>
    /// A failure another try may fix: 5xx, 429, a refused, dropped or short connection, a stall. (HTTP statuses that
    /// will not change, such as 404, come as <see cref="DownloadFailedException"/> from <see cref="ThrowForStatus"/>.)
    /// </summary>
    private static bool IsTransient(Exception e) =>
        (e is RetryableDownloadException or IOException or TimeoutException or HttpRequestException) && !DiskSpace.IsFull(e);

    /// <param name="bytes">Receives every chunk's size; a negative value when a restart throws away bytes.</param>
    /// <exception cref="DownloadFailedException">Not found, forbidden, or still failing after every retry.</exception>
    public async Task<Result> DownloadAsync(string url, string target, IProgress<long>? bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        try
        {
            var result = await _retry.ExecuteAsync(token => new ValueTask<Result>(AttemptAsync(url, partial, bytes, token)), cancellationToken);
            File.Move(partial, target, overwrite: true);
            return result;
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new DownloadFailedException($"{url}: {e.Message} (gave up after {_options.Retries} retries; run again to resume)");
        }
    }

    /// <summary>The size of a remote file (HEAD's Content-Length, or a local file's length); null when unknown.</summary>
    public async Task<long?> SizeAsync(string url, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
            return File.Exists(local) ? new FileInfo(local).Length : null;
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                using var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), token);
                ThrowForStatus(url, response);
                return response.Content.Headers.ContentLength;
            }, cancellationToken);
        }
        catch (Exception e) when (IsTransient(e) || e is DownloadFailedException)
        {
            return null;
        }
    }

    /// <summary>A small text file (a list of archive URLs), with the same retries.</summary>
    public async Task<string> FetchTextAsync(string url, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
            return File.Exists(local) ? await File.ReadAllTextAsync(local, cancellationToken) : throw new DownloadFailedException($"{local}: not found");
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                using var response = await _http.GetAsync(url, token);
                ThrowForStatus(url, response);
                return await response.Content.ReadAsStringAsync(token);
            }, cancellationToken);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new DownloadFailedException($"{url}: {e.Message}");
        }
    }

    private async Task<Result> AttemptAsync(string url, string partial, IProgress<long>? bytes, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var source = Mirror.LocalPath(url) is { } local
            ? OpenLocal(local, existing)
            : await OpenHttpAsync(url, partial, existing, cancellationToken);

        // Unbuffered (the chunks are already large): a write that fails for lack of space fails once, here, and not
        // again when the stream is disposed.
        await using var output = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, useAsync: true);
        if (source.Offset < existing)
            bytes?.Report(source.Offset - existing);
        output.SetLength(source.Offset);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await HashExistingAsync(output, source.Offset, hash, cancellationToken);

        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await ReadWithStallTimeoutAsync(source.Body, buffer, cancellationToken);
                if (read == 0)
                    break;
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                hash.AppendData(buffer, 0, read);
                bytes?.Report(read);
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
        return new Result(output.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
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

    private static async Task HashExistingAsync(FileStream output, long length, IncrementalHash hash, CancellationToken cancellationToken)
    {
        output.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[BufferSize];
        long remaining = length;
        while (remaining > 0)
        {
            var read = await output.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
                break;
            hash.AppendData(buffer, 0, read);
            remaining -= read;
        }
        output.Seek(length, SeekOrigin.Begin);
    }

    /// <summary>The body to append at <see cref="Offset"/>, and the whole file's size when the server says it.</summary>
    private sealed class Source(Stream body, long offset, long? total, IDisposable? owner = null) : IDisposable
    {
        public Stream Body { get; } = body;
        public long Offset { get; } = offset;
        public long? Total { get; } = total;

        public void Dispose()
        {
            Body.Dispose();
            owner?.Dispose();
        }
    }

    private static Source OpenLocal(string path, long existing)
    {
        if (!File.Exists(path))
            throw new DownloadFailedException($"{path}: not found");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        var offset = Math.Min(existing, stream.Length);
        stream.Seek(offset, SeekOrigin.Begin);
        return new Source(stream, offset, stream.Length);
    }

    private async Task<Source> OpenHttpAsync(string url, string partial, long existing, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersTimeout.CancelAfter(_options.StallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no response for {_options.StallTimeout.TotalSeconds:0} s");
        }

        try
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // Killed after the last byte but before the rename: the partial file is already whole.
                if (response.Content.Headers.ContentRange?.Length == existing)
                    return new Source(Stream.Null, existing, existing, response);
                File.Delete(partial);
                throw new RetryableDownloadException("the server refused to resume (416); starting over");
            }
            ThrowForStatus(url, response);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == existing
                ? new Source(body, existing, response.Content.Headers.ContentRange.Length, response)
                // 200 to a Range request: the server ignores ranges, so the file starts over from zero.
                : new Source(body, 0, response.Content.Headers.ContentLength, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void ThrowForStatus(string url, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return;
        if (status == 429 || status >= 500)
            throw new RetryableDownloadException($"HTTP {status} {response.ReasonPhrase}", RetryAfter(response));
        throw new DownloadFailedException($"{url}: HTTP {status} {response.ReasonPhrase}");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
