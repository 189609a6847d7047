using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KineticsPrep.Demo;

/// <summary>
/// Serves a folder over HTTP on 127.0.0.1 (GET and HEAD, with "bytes=N-" ranges), so the demo exercises the same
/// download path as the real mirror.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackFileServer(string root)
    {
        _root = Path.GetFullPath(root);
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var path = Path.GetFullPath(Path.Combine(_root, relative));
            if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                response.StatusCode = 404;
                return;
            }
            await using var file = File.OpenRead(path);
            var start = RangeStart(context.Request.Headers["Range"]);
            if (start > 0 && start < file.Length)
            {
                response.StatusCode = 206;
                response.AddHeader("Content-Range", string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{file.Length - 1}/{file.Length}"));
                file.Seek(start, SeekOrigin.Begin);
            }
            response.ContentLength64 = file.Length - file.Position;
            if (context.Request.HttpMethod != "HEAD")
                await file.CopyToAsync(response.OutputStream, _stop.Token);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or OperationCanceledException)
        {
            // The client went away; nothing to tell it.
        }
        finally
        {
            response.Close();
        }
    }

    private static long RangeStart(string? range) =>
        range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
        && long.TryParse(range.AsSpan(6, range.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : 0;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
