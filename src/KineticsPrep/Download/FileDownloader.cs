using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Running;
using KineticsPrep.State;
using Polly;
using Polly.Retry;

namespace KineticsPrep.Download;

/// <summary>
/// Fetches one file over HTTP (or from a local mirror folder) into TARGET.partial, resuming with Range requests,
/// retrying with exponential backoff and jitter, hashing as it streams. The file is renamed to TARGET only when its
/// size equals the server's Content-Length and, when the server's ETag is a plain MD5, its bytes match it.
/// With a state store (<see cref="WithState"/>), a resume asks for the rest of the same version only (If-Range with
/// the ETag or Last-Modified recorded when the partial file was started): a file replaced on the server in the
/// meantime starts over instead of being spliced onto the old one's first bytes.
/// </summary>
public sealed class FileDownloader
{
    private const int BufferSize = 1 << 20;

    /// <summary>Where a download's retries are told of, for the retry strategy's callback.</summary>
    private static readonly ResiliencePropertyKey<(ItemProgress Progress, string Item)> RetriesOf = new("kinetics-prep.retries");

    private readonly HttpClient _http;
    private readonly DownloadOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly StateStore? _state;
    private readonly IProgress<string>? _notes;

    public FileDownloader(HttpClient http, DownloadOptions options)
        : this(http, options, BuildRetry(options), null, null)
    {
    }

    private FileDownloader(HttpClient http, DownloadOptions options, ResiliencePipeline retry, StateStore? state, IProgress<string>? notes)
    {
        _http = http;
        _options = options;
        _retry = retry;
        _state = state;
        _notes = notes;
    }

    /// <summary>The same downloader, keeping partial files' versions in <paramref name="state"/> and telling
    /// <paramref name="notes"/> when a download starts over.</summary>
    public FileDownloader WithState(StateStore state, IProgress<string>? notes) => new(_http, _options, _retry, state, notes);

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
    /// will not change, such as 404, come as <see cref="DownloadFailedException"/> from <see cref="ThrowForStatus"/>.)
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
                _state?.RecordPartialValidator(partial, url, null);
                throw new DownloadFailedException(
                    $"{url}: the downloaded bytes' MD5 is {md5}, but the server's ETag says {expected}; the partial file was removed, run again to download it anew");
            }
            File.Move(partial, target, overwrite: true);
            _state?.RecordPartialValidator(partial, url, null);
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

    /// <summary>
    /// One try, no retries, before any work: a server that refuses the connection or a name that does not resolve is
    /// a wrong --mirror or a network down, to be said now, not a flaky transfer to retry for an hour. Any HTTP answer,
    /// even an error status, means the server is there. For a local mirror, its folder must exist (what it lacks is
    /// reported file by file, as a server's 404s are).
    /// </summary>
    /// <param name="url">A file the mirror should hold, such as a release's first list file.</param>
    /// <param name="root">The mirror as the user gave it, for the message.</param>
    /// <exception cref="MirrorUnreachableException">The mirror is not there.</exception>
    public async Task CheckReachableAsync(string url, string root, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
        {
            var folder = Mirror.LocalPath(root) ?? root;
            if (!Directory.Exists(folder))
                throw new MirrorUnreachableException($"the mirror folder {folder} does not exist. Check --mirror: a folder with the CVDF's tree.");
            return;
        }
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            var why = e.HttpRequestError == HttpRequestError.NameResolutionError ? "its name does not resolve" : "the connection was refused";
            throw new MirrorUnreachableException($"cannot reach the mirror {new Uri(url).GetLeftPart(UriPartial.Authority)}: {why}. Check --mirror, or your network.", e);
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

    /// <returns>The file, and the MD5 of its bytes.</returns>
    private async Task<(Result, string)> AttemptAsync(string url, string partial, IProgress<long>? bytes, CancellationToken cancellationToken)
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
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        await HashExistingAsync(output, source.Offset, [hash, md5], cancellationToken);

        var buffer = new byte[BufferSize];
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
        var buffer = new byte[BufferSize];
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
    /// The body to append at <see cref="Offset"/>, and the whole file's size and ETag when the server says them;
    /// <see cref="Chunked"/> when the body came in chunked encoding, which marks its own end.
    /// </summary>
    private sealed class Source(Stream body, long offset, long? total, IDisposable? owner = null, string? etag = null, bool chunked = false)
        : IDisposable
    {
        public Stream Body { get; } = body;
        public long Offset { get; } = offset;
        public long? Total { get; } = total;
        public string? ETag { get; } = etag;
        public bool Chunked { get; } = chunked;

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
        var validator = existing > 0 ? _state?.PartialValidator(partial, url) : null;
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);
        if (validator is not null)
            request.Headers.IfRange = RangeCondition(validator);
        // The bytes as stored: a compressed transfer could not be resumed by byte offset nor checked against its ETag.
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
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
            if (response.Content.Headers.ContentEncoding.FirstOrDefault(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase)) is { } encoding)
                throw new DownloadFailedException(
                    $"{url}: the server sent the file with Content-Encoding '{encoding}' although only the stored bytes were asked for " +
                    "(Accept-Encoding: identity); they could not be checked or resumed. Use another --mirror, or serve the files as they are");
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var etag = response.Headers.ETag?.ToString();
            var chunked = response.Headers.TransferEncodingChunked == true;
            if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == existing)
                return new Source(body, existing, response.Content.Headers.ContentRange.Length, response, etag, chunked);

            // From zero: a new download, or a 200 to a Range request, because the file changed since the partial one
            // began (If-Range) or because the server ignores ranges.
            if (existing > 0)
                _notes?.Report(validator is not null
                    ? $"{url}: the file changed on the server since its partial download began; starting again from zero"
                    : $"{url}: the server did not resume the partial download; starting again from zero");
            _state?.RecordPartialValidator(partial, url, Validator(response));
            return new Source(body, 0, response.Content.Headers.ContentLength, response, etag, chunked);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>What identifies this version of the file: its strong ETag, else its Last-Modified date; null when neither.</summary>
    private static string? Validator(HttpResponseMessage response) =>
        response.Headers.ETag is { IsWeak: false } etag ? etag.Tag
        : response.Content.Headers.LastModified is { } modified ? modified.ToString("R", CultureInfo.InvariantCulture)
        : null;

    private static RangeConditionHeaderValue RangeCondition(string validator) =>
        validator.StartsWith('"')
            ? new RangeConditionHeaderValue(new EntityTagHeaderValue(validator))
            : new RangeConditionHeaderValue(DateTimeOffset.Parse(validator, CultureInfo.InvariantCulture));

    /// <summary>
    /// The MD5 an ETag stands for: S3 gives a single-part upload the MD5 of its bytes (32 hex digits); a multipart
    /// upload's ETag ends in "-N" and is no checksum of the file.
    /// </summary>
    internal static string? PlainMd5(string? etag)
    {
        var tag = etag?.Trim('"').ToLowerInvariant();
        return tag is { Length: 32 } && tag.All(char.IsAsciiHexDigit) ? tag : null;
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
