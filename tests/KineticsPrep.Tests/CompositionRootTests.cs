using System.Collections.Concurrent;
using System.Net;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using Spectre.Console.Testing;

namespace KineticsPrep.Tests;

/// <summary>The command line built over fakes: a clock that stands still, a terminal in memory, an HTTP handler that answers from memory.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class CompositionRootTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>Answers a list file with one archive, every other request with 404, and keeps the URLs asked for.</summary>
    private sealed class NotFoundHandler : HttpMessageHandler
    {
        public ConcurrentQueue<string> Asked { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Asked.Enqueue(request.RequestUri!.ToString());
            return Task.FromResult(request.RequestUri.AbsolutePath.EndsWith("_path.txt", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("https://s3.amazonaws.com/kinetics/400/val/part_0.tar.gz\n") }
                : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        }
    }

    /// <summary>A clock at a fixed instant: elapsed time is always zero.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

        public override long GetTimestamp() => 0;
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_command_line_built_over_a_fake_clock_terminal_and_http_handler_downloads_through_them_and_nothing_else()
    {
        using var handler = new NotFoundHandler();
        var terminal = new TestConsole().Width(80);
        terminal.Profile.Capabilities.Interactive = true;
        var app = new CliApp(new CliServices(new StoppedClock(), handler));
        using var errors = new StringWriter();

        var exit = await app.RunWithAsync(["download", "k400", "--root", _root.Path, "--splits", "val", "--mirror", "http://mirror.invalid/kinetics"],
            new TerminalWriter(terminal), errors, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("http://mirror.invalid/kinetics/400/val/k400_val_path.txt", handler.Asked);
        Assert.All(handler.Asked, url => Assert.StartsWith("http://mirror.invalid/kinetics/", url));
        Assert.Contains("download", terminal.Output);
        Assert.Contains("0.00 files/s", terminal.Output); // no time has passed on the stopped clock
        Assert.Contains("HTTP 404", errors.ToString());
    }
}
