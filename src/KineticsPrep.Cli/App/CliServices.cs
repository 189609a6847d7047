using KineticsPrep.Cli.Display;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Media;
using KineticsPrep.Pipeline;

namespace KineticsPrep.Cli.App;

/// <summary>
/// The composition root: what the commands share, made once for the program's run and handed to every command as it
/// is built: ffmpeg and ffprobe (located on first use) and one HTTP client for every download. (Each invocation's
/// console comes with it: <see cref="CliConsole.Of"/>.) Commands make none of these themselves.
/// </summary>
internal sealed class CliServices
{
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(30),
        // The stored bytes, never a compressed transfer (downloads are checked and resumed by byte offset).
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // --jobs limits the files at once; this only caps the connections to one server well above any --jobs.
        MaxConnectionsPerServer = 64,
    })
    {
        // No overall timeout: a 30 GB archive takes hours. Stalls and slow transfers are caught per read.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    private Task<MediaTools>? _tools;

    /// <summary>ffmpeg and ffprobe, located and their version checked once.</summary>
    /// <exception cref="MediaToolsMissingException">Not found, or too old.</exception>
    public Task<MediaTools> MediaToolsAsync(CancellationToken cancellationToken)
    {
        // A failed look-up is not kept: the next command may run where ffmpeg is.
        if (_tools is null || _tools.IsFaulted || _tools.IsCanceled)
            _tools = MediaTools.LocateAsync(cancellationToken);
        return _tools;
    }

    /// <summary>As <see cref="MediaToolsAsync"/>, but null where there is none: for work that can do without.</summary>
    public async Task<MediaTools?> OptionalMediaToolsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MediaToolsAsync(cancellationToken);
        }
        catch (MediaToolsMissingException)
        {
            return null;
        }
    }

    /// <summary>The one HTTP client for large downloads.</summary>
    public HttpClient Http => _http.Value;

    /// <summary>Fetches other releases' annotation files (overlap, --exclude-overlap-with) from <paramref name="mirror"/>.</summary>
    public AnnotationFetch AnnotationFetch(string? mirror) => new(new FileDownloader(Http, new DownloadOptions()), new Mirror(mirror));
}
