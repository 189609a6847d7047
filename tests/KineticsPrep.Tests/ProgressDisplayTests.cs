using System.Text.RegularExpressions;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Commands.Prepare;
using KineticsPrep.Cli.Display;
using KineticsPrep.Download;
using KineticsPrep.Running;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace KineticsPrep.Tests;

/// <summary>The live bar as a terminal of 80, 120 or 200 columns shows it (Spectre's TestConsole).</summary>
public sealed partial class ProgressDisplayTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static TestConsole Terminal(int width)
    {
        var console = new TestConsole().Width(width);
        console.Profile.Capabilities.Interactive = true;
        return console;
    }

    /// <summary>A live display redraws in place with cursor moves: each redraw's lines, as a terminal shows them.</summary>
    private static string Screen(TestConsole console) => CursorMoves().Replace(console.Output, "\n");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex CursorMoves();

    private static readonly StageProgress Busy = new("archives", Items: 292, AlreadyDone: 10, Done: 110, Failed: 0, Amount: 0, AmountDone: 123_456_789_012)
    {
        Current = "archives/train/abseiling_and_a_very_long_archive_name_from_a_mirror_of_kinetics_part_119.tar.gz",
        Inner = new InnerCount("clips resized", 48_211, 17),
    };

    private static string Render(int width, ProgressFrame frame, string title)
    {
        var console = Terminal(width);
        console.Write(new Rows(ProgressLayout.Lines(title, frame, width).Select(line => (IRenderable)new Markup(line))));
        return console.Output;
    }

    private static void AssertFits(string output, int width)
    {
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
            Assert.True(line.Length <= width, $"{line.Length} columns at {width}: '{line}'");
    }

    [Theory]
    [Trait(Tier.Name, Tier.Fast)]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void Prepare_s_bar_fits_the_terminal_and_shows_the_counts_the_eta_and_the_current_archive_on_a_line_of_its_own(int width)
    {
        var output = Render(width, PrepareCommand.Frame(Busy, TimeSpan.FromMinutes(90)), "prepare");

        AssertFits(output, width);
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.StartsWith("prepare ━", lines[0]);
        Assert.Contains(" 39% 120/302 archives ETA 02:28:54", lines[0]); // 182 archives left at the pace of the 110 this run did in 90 min
        Assert.Contains("48211 clips resized (8.9 clips/s), 17 failed, 115 GiB downloaded", output);
        Assert.StartsWith("  archives/train/abseiling", lines[^1]);
        Assert.Equal(width >= 200 ? 2 : 3, lines.Length); // the stats move up beside the bar when there is room
    }

    [Fact]
    [Trait(Tier.Name, Tier.Fast)]
    public void The_bar_at_80_and_120_columns_matches_its_snapshot()
    {
        var frame = PrepareCommand.Frame(Busy, TimeSpan.FromMinutes(90));
        var retrying = StageDisplay.Frame(new StageProgress("files", 12, 3, 4, 1, 0, 0)
        {
            Current = "part_7.tar.gz",
            Retry = new RetryNotice("part_5.tar.gz", "503 (Service Unavailable)", new DateTimeOffset(2026, 11, 30, 7, 5, 9, TimeSpan.Zero), 3),
        }, TimeSpan.FromSeconds(30));

        Snapshot.Match("progress-bar", string.Join("\n",
            "80:", Render(80, frame, "prepare"), Render(80, retrying, "download"),
            "120:", Render(120, frame, "prepare"), Render(120, retrying, "download")), []);
    }

    [Fact]
    [Trait(Tier.Name, Tier.Fast)]
    public void A_retry_shows_instead_of_the_current_item_with_the_file_the_next_attempt_s_time_and_the_reason()
    {
        var next = DateTimeOffset.Now.AddSeconds(8);
        var frame = StageDisplay.Frame(new StageProgress("files", 12, 0, 4, 0, 0, 0)
        {
            Current = "part_7.tar.gz",
            Retry = new RetryNotice("part_5.tar.gz", "connection reset", next, 2),
        }, TimeSpan.FromSeconds(30));

        Assert.Equal($"retrying part_5.tar.gz at {next:HH:mm:ss} (attempt 2): connection reset", frame.Detail);
        Assert.Equal("part_7.tar.gz", StageDisplay.Frame(new StageProgress("files", 12, 0, 4, 0, 0, 0) { Current = "part_7.tar.gz" }, TimeSpan.Zero).Detail);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_download_waiting_to_retry_says_so_on_the_live_bar_with_the_server_s_reason()
    {
        using var mirror = MirrorTree.K400(archivesPerSplit: 1, clipBytes: 10_000, "train");
        await using var server = await FaultServer.StartAsync();
        server.ServeTree(mirror.Path, path => path.EndsWith("part_0.tar.gz", StringComparison.Ordinal) ? FaultServer.Fault.UnavailableTwice : FaultServer.Fault.None);
        var terminal = Terminal(80);
        terminal.EmitAnsiSequences = true;
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["download", "k400", "--root", _root.Path, "--splits", "train", "--mirror", server.Url],
            new TerminalWriter(terminal), error, CancellationToken.None);

        var screen = Screen(terminal);
        Assert.True(exitCode == 0, screen + error);
        Assert.Matches(@"\n  retrying part_0\.tar\.gz at \d\d:\d\d:\d\d \(attempt [23]\): .*503", screen);
        AssertFits(screen, 80);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_downloader_tells_its_item_of_each_wait_before_a_retry_and_when_the_wait_ends()
    {
        await using var server = await FaultServer.StartAsync();
        server.Serve("/file.bin", new byte[1000], FaultServer.Fault.UnavailableTwice);
        var notices = new List<(RetryNotice Notice, bool Waiting)>();
        var progress = new ItemProgress(_ => { }, (notice, waiting) => notices.Add((notice, waiting)));
        using var http = new HttpClient();
        var before = DateTimeOffset.Now;

        await new FileDownloader(http, new DownloadOptions { Retries = 3, RetryDelay = TimeSpan.FromMilliseconds(50) })
            .DownloadAsync($"{server.Url}/file.bin", _root.Combine("file.bin"), progress, CancellationToken.None);

        Assert.Equal([(2, true), (2, false), (3, true), (3, false)], notices.Select(n => (n.Notice.Attempt, n.Waiting)));
        Assert.All(notices, n => Assert.Equal("file.bin", n.Notice.Item));
        Assert.All(notices, n => Assert.Contains("503", n.Notice.Reason, StringComparison.Ordinal));
        Assert.InRange(notices[0].Notice.NextAttempt, before.AddSeconds(0.9), before.AddSeconds(3)); // Retry-After: 1
    }
}
