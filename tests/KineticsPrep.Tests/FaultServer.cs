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
    }

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Body, Fault Fault, string? ETag)> _files = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();

    public ConcurrentQueue<(string Path, string? Range, int Status)> Requests { get; } = new();

    /// <summary>The If-Range header of each request, in order (null when it had none).</summary>
    public ConcurrentQueue<string?> IfRanges { get; } = new();

    public FaultServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string Url { get; }

    /// <param name="etag">Sent as the ETag (quoted), and honoured in If-Range: another tag there gets the whole file.</param>
    public void Serve(string path, byte[] body, Fault fault = Fault.None, string? etag = null) => _files[path] = (body, fault, etag);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        string? range = context.Request.Headers.Range;
        string? ifRange = context.Request.Headers.IfRange;
        IfRanges.Enqueue(ifRange);
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

        if (file.ETag is not null)
            context.Response.Headers.ETag = file.ETag;
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

    private void Log(HttpContext context, string path, string? range, int status)
    {
        context.Response.StatusCode = status;
        Requests.Enqueue((path, range, status));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
