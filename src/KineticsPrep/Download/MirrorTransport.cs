using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using KineticsPrep.Dataset;

namespace KineticsPrep.Download;

/// <summary>
/// The transport: one request to a mirror (an HTTP server or a local folder) for a file's bytes from an offset, its
/// size, or a small text file. HTTP statuses become our exceptions here: those that another try may fix (5xx, 429)
/// as <see cref="RetryableDownloadException"/>, the others as <see cref="DownloadFailedException"/>. No retries and
/// no state: <see cref="FileDownloader"/> retries, <see cref="ResumePolicy"/> decides where a partial file goes on.
/// </summary>
internal sealed class MirrorTransport(HttpClient http, DownloadOptions options)
{
    public const int BufferSize = 1 << 20;

    /// <summary>The bytes of <paramref name="url"/> from <paramref name="offset"/> on (from zero when the server will not
    /// resume, or when <paramref name="ifRange"/> no longer names the file's version).</summary>
    public async Task<FileSource> OpenAsync(string url, long offset, string? ifRange, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
            return OpenLocal(local, offset);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0)
            request.Headers.Range = new RangeHeaderValue(offset, null);
        if (offset > 0 && ifRange is not null)
            request.Headers.IfRange = RangeCondition(ifRange);
        // The bytes as stored: a compressed transfer could not be resumed by byte offset nor checked against its ETag.
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headersTimeout.CancelAfter(options.StallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(url, request, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no response for {options.StallTimeout.TotalSeconds:0} s");
        }

        try
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
                return new FileSource(Stream.Null, offset, response.Content.Headers.ContentRange?.Length, response) { RangeRefused = true };
            ThrowForStatus(url, response);
            if (response.Content.Headers.ContentEncoding.FirstOrDefault(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase)) is { } encoding)
                throw new DownloadFailedException(
                    $"{url}: the server sent the file with Content-Encoding '{encoding}' although only the stored bytes were asked for " +
                    "(Accept-Encoding: identity); they could not be checked or resumed. Use another --mirror, or serve the files as they are");
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var resumed = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset;
            return new FileSource(body, resumed ? offset : 0, resumed ? response.Content.Headers.ContentRange!.Length : response.Content.Headers.ContentLength, response)
            {
                ETag = response.Headers.ETag?.ToString(),
                Validator = Validator(response),
                Chunked = response.Headers.TransferEncodingChunked == true,
            };
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One request, following redirects (HttpClient rewrites the request's URI as it follows them). A redirect to a
    /// scheme other than http or https is refused; one to a host that cannot be reached ends the run like a dead
    /// --mirror, since the mirror itself answered (it was checked before the run): said now, not retried per archive.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(string url, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (UriFormatException)
        {
            throw new DownloadFailedException($"{url}: redirects to {request.RequestUri}, which is not an http or https URL: refused");
        }
        catch (HttpRequestException e) when (request.RequestUri is { } target && target.Authority != new Uri(url).Authority
                                             && e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            var why = e.HttpRequestError == HttpRequestError.NameResolutionError ? "its name does not resolve" : "the connection was refused";
            throw new MirrorUnreachableException($"{url} redirects to {target}, which cannot be reached: {why}. Check --mirror, or your network.", e);
        }
    }

    /// <summary>The size of a remote file (HEAD's Content-Length, or a local file's length); null when unknown.</summary>
    public async Task<long?> SizeAsync(string url, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
            return File.Exists(local) ? new FileInfo(local).Length : null;
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        using var response = await SendAsync(url, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        ThrowForStatus(url, response);
        return response.Content.Headers.ContentLength;
    }

    /// <summary>A small text file.</summary>
    public async Task<string> TextAsync(string url, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(url) is { } local)
            return File.Exists(local) ? await File.ReadAllTextAsync(local, cancellationToken) : throw new DownloadFailedException($"{local}: not found");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await SendAsync(url, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        ThrowForStatus(url, response);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <inheritdoc cref="FileDownloader.CheckReachableAsync"/>
    public async Task CheckReachableAsync(IReadOnlyList<string> urls, string root, CancellationToken cancellationToken)
    {
        if (Mirror.LocalPath(urls[0]) is not null)
        {
            var folder = Mirror.LocalPath(root) ?? root;
            if (!Directory.Exists(folder))
                throw new MirrorUnreachableException($"the mirror folder {folder} does not exist. Check --mirror: a folder with the CVDF's tree.");
            if (urls.All(u => !File.Exists(Mirror.LocalPath(u))))
                throw WrongBasePath("no file the release needs is there", urls);
            return;
        }
        var url = urls[0];
        // No answer at all within this long is as good as none (a network that drops packets, a resolver that hangs).
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(ReachableWithin);
        try
        {
            var missing = 0;
            foreach (var each in urls)
            {
                url = each;
                using var request = new HttpRequestMessage(HttpMethod.Head, each);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, answer.Token);
                missing += response.StatusCode == System.Net.HttpStatusCode.NotFound ? 1 : 0;
            }
            if (missing == urls.Count)
                throw WrongBasePath("every request so far is 404", urls);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            var why = e.HttpRequestError == HttpRequestError.NameResolutionError ? "its name does not resolve" : "the connection was refused";
            throw new MirrorUnreachableException($"cannot reach the mirror {new Uri(url).GetLeftPart(UriPartial.Authority)}: {why}. Check --mirror, or your network.", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MirrorUnreachableException(
                $"cannot reach the mirror {new Uri(url).GetLeftPart(UriPartial.Authority)}: no answer in {ReachableWithin.TotalSeconds:0} s. Check --mirror, or your network.", e);
        }
    }

    private static readonly TimeSpan ReachableWithin = TimeSpan.FromSeconds(20);

    private static MirrorUnreachableException WrongBasePath(string what, IReadOnlyList<string> urls) =>
        new($"{what}: is --mirror's base path right? (expected {urls[^1]}, which mirrors {DatasetCatalog.CvdfPrefix}'s tree)");

    private static FileSource OpenLocal(string path, long offset)
    {
        if (!File.Exists(path))
            throw new DownloadFailedException($"{path}: not found");
        // Unbuffered: it is read a large buffer at a time.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: true);
        var start = Math.Min(offset, stream.Length);
        stream.Seek(start, SeekOrigin.Begin);
        return new FileSource(stream, start, stream.Length);
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

    private static void ThrowForStatus(string url, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return;
        if (status == 429 || status >= 500)
            throw new RetryableDownloadException($"HTTP {status} {response.ReasonPhrase}", RetryAfter(response));
        // A redirect HttpClient would not follow (from https down to http, or too many): refused, naming where it pointed.
        if (status is >= 300 and < 400 && response.Headers.Location is { } target)
            throw new DownloadFailedException($"{url}: HTTP {status} redirects to {target}, which was not followed: refused");
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
