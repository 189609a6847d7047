using System.CommandLine;
using KineticsPrep.Cli.Display;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.Media;
using KineticsPrep.Pipeline;

namespace KineticsPrep.Cli.App;

/// <summary>
/// The composition root: what the commands share, made once for the program's run and handed to every command as it
/// is built: the clock the progress displays read, ffmpeg and ffprobe (located on first use), one HTTP client for
/// every download (over <paramref name="handler"/>), and each invocation's console (<see cref="Console"/>). Commands
/// make none of these themselves; a test builds its own with a fake clock, console and HTTP handler.
/// </summary>
internal sealed class CliServices(TimeProvider clock, HttpMessageHandler handler)
{
    /// <summary>The real clock and network.</summary>
    public static CliServices Default() => new(TimeProvider.System, new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(30),
        // The stored bytes, never a compressed transfer (downloads are checked and resumed by byte offset).
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // --jobs limits the files at once; this only caps the connections to one server well above any --jobs.
        MaxConnectionsPerServer = 64,
    });

    // No overall timeout: a 30 GB archive takes hours. Stalls and slow transfers are caught per read.
    private readonly Lazy<HttpClient> _http = new(() => new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });

    public TimeProvider Clock { get; } = clock;

    /// <summary>Where this invocation writes: System.CommandLine's output and error writers, with the clock.</summary>
    public CliConsole Console(ParseResult parse) =>
        new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error) { Clock = Clock };

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
