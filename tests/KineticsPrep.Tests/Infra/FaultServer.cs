using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KineticsPrep.Tests;

/// <summary>A small Kestrel server on loopback that misbehaves on purpose, one behaviour per path.</summary>
public sealed class FaultServer : IAsyncDisposable
{
    public enum Fault
    {
        None,
        DropMidBodyOnce,
        UnavailableTwice,
        IgnoreRange,
        StallOnce,
        NotFound,

        /// <summary>No Content-Length (over HTTP/1.0 the body ends when the connection closes), and the first connection
        /// closes halfway.</summary>
        NoLengthCutOnce,

        /// <summary>As <see cref="NoLengthCutOnce"/>, on every request.</summary>
        NoLengthAlwaysCut,

        /// <summary>The body gzip-compressed, with Content-Encoding: gzip, whatever the request accepts.</summary>
        GzipEncoded,

        /// <summary>The first GET's response says a Content-Length of half the file, and sends that half.</summary>
        ShortLengthOnce,

        /// <summary>One byte every 100 ms.</summary>
        Trickle,

        /// <summary>302 Found, to the URL that the body holds.</summary>
        Redirect,
    }

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, Fault Fault, string? ETag)> _files = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, int> _gets = new();

    public ConcurrentQueue<(string Path, string? Range, int Status)> Requests { get; } = new();

    /// <summary>The If-Range header of each request, in order (null when it had none).</summary>
    public ConcurrentQueue<string?> IfRanges { get; } = new();

    /// <summary>The Accept-Encoding header of each request, in order.</summary>
    public ConcurrentQueue<string?> AcceptEncodings { get; } = new();

    private FaultServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>A server listening on a free loopback port.</summary>
    public static async Task<FaultServer> StartAsync()
    {
        var server = new FaultServer();
        await server._app.StartAsync();
        return server;
    }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <param name="etag">Sent as the ETag (quoted), and honoured in If-Range: another tag there gets the whole file.</param>
    public void Serve(string path, byte[] body, Fault fault = Fault.None, string? etag = null) => _files[path] = (body, fault, etag);

    /// <summary>Serves every file under <paramref name="folder"/> (a mirror tree) at its relative path, with the fault
    /// <paramref name="faultFor"/> picks for that path ("/400/train/part_0.tar.gz"), in path order.</summary>
    public void ServeTree(string folder, Func<string, Fault> faultFor)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = "/" + Path.GetRelativePath(folder, file).Replace('\\', '/');
            Serve(path, File.ReadAllBytes(file), faultFor(path));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        string? range = context.Request.Headers.Range;
        string? ifRange = context.Request.Headers.IfRange;
        IfRanges.Enqueue(ifRange);
        AcceptEncodings.Enqueue(context.Request.Headers.AcceptEncoding);
        if (!_files.TryGetValue(path, out var file) || file.Fault == Fault.NotFound)
        {
            Log(context, path, range, 404);
            return;
        }
        if (file.Fault == Fault.UnavailableTwice && hit <= 2)
        {
            context.Response.Headers.RetryAfter = "1";
            Log(context, path, range, 503);
            return;
        }

        if (file.Fault == Fault.Redirect)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = System.Text.Encoding.UTF8.GetString(file.Body);
            Log(context, path, range, 302);
            return;
        }
        if (file.ETag is not null)
            context.Response.Headers.ETag = file.ETag;
        if (await MisbehaveAsync(context, path, range, file.Body, file.Fault, hit))
            return;
        var start = 0L;
        var sameVersion = ifRange is null || ifRange == file.ETag;
        if (range is not null && sameVersion && file.Fault != Fault.IgnoreRange && range.StartsWith("bytes=", StringComparison.Ordinal))
            start = long.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
        if (start > 0)
        {
            context.Response.Headers.ContentRange = $"bytes {start}-{file.Body.Length - 1}/{file.Body.Length}";
            Log(context, path, range, 206);
        }
        else
        {
            Log(context, path, range, 200);
        }
        context.Response.ContentLength = file.Body.Length - start;
        var body = file.Body.AsMemory((int)start);

        if (hit == 1 && file.Fault is Fault.DropMidBodyOnce or Fault.StallOnce)
        {
            await context.Response.Body.WriteAsync(body[..(body.Length / 2)]);
            await context.Response.Body.FlushAsync();
            if (file.Fault == Fault.StallOnce)
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { });
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(body);
    }

    /// <returns>True when the fault answered the request.</returns>
    private async Task<bool> MisbehaveAsync(HttpContext context, string path, string? range, byte[] body, Fault fault, int hit)
    {
        switch (fault)
        {
            case Fault.NoLengthCutOnce or Fault.NoLengthAlwaysCut:
                Log(context, path, range, 200);
                // Over HTTP/1.0, ending the response closes the connection cleanly: to the client, that is the end of the body.
                var cut = fault == Fault.NoLengthAlwaysCut || hit == 1;
                await context.Response.Body.WriteAsync(cut ? body.AsMemory(0, body.Length / 2) : body);
                return true;
            case Fault.GzipEncoded:
                Log(context, path, range, 200);
                var compressed = new MemoryStream();
                using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                    gzip.Write(body);
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.ContentLength = compressed.Length;
                await context.Response.Body.WriteAsync(compressed.ToArray());
                return true;
            // The first GET (a HEAD for the disk estimate may come before it).
            case Fault.ShortLengthOnce when context.Request.Method == "GET" && _gets.AddOrUpdate(path, 1, (_, n) => n + 1) == 1:
                Log(context, path, range, 200);
                context.Response.ContentLength = body.Length / 2;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                return true;
            case Fault.Trickle:
                Log(context, path, range, 200);
                context.Response.ContentLength = body.Length;
                for (var i = 0; i < body.Length && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(body.AsMemory(i, 1));
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(100, context.RequestAborted).ContinueWith(_ => { });
                }
                return true;
            default:
                return false;
        }
    }

    private void Log(HttpContext context, string path, string? range, int status)
    {
        context.Response.StatusCode = status;
        Requests.Enqueue((path, range, status));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
