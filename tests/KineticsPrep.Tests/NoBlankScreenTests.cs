using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KineticsPrep.Cli.Display;
using KineticsPrep.Running;

namespace KineticsPrep.Tests;

/// <summary>Any wait over 2 s says what it waits on, in a log as on a terminal; a network that never answers ends in 30 s.</summary>
public sealed class NoBlankScreenTests
{
    private static CliConsole Log(StringWriter output) => new(TextWriter.Synchronized(output), TextWriter.Null);

    /// <summary>Blocks its thread until the output says <paramref name="text"/> (at most 30 s): a step that lasts until
    /// the notice is out, however loaded the machine is.</summary>
    private static void BlockUntilSaid(StringWriter output, string text)
    {
        var waited = Stopwatch.StartNew();
        while (!output.ToString().Contains(text, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(50);
    }

    [Fact]
    [Trait(Tier.Name, Tier.Fast)]
    public async Task A_slow_step_without_progress_says_what_it_waits_on_and_a_quick_one_says_nothing()
    {
        var output = new StringWriter();

        var slow = await Log(output).SayIfSlowAsync("Fetching the annotation files of k400:val", Task.Run(() =>
        {
            BlockUntilSaid(output, "Fetching");
            return 1;
        }));
        var quick = await Log(output).SayIfSlowAsync("Reading the manifests", Task.FromResult(2));

        Assert.Equal((1, 2), (slow, quick));
        Assert.Equal("Fetching the annotation files of k400:val …" + Environment.NewLine, output.ToString());
    }

    [Fact]
    [Trait(Tier.Name, Tier.Fast)]
    public async Task A_stage_that_lists_its_items_before_reporting_says_so_in_a_log_even_when_the_listing_blocks()
    {
        var output = new StringWriter();

        await StageDisplay.RunAsync(Log(output), "verify", "clips", progress =>
        {
            // A listing that blocks its thread before the first await, as a walk of 300k files does.
            BlockUntilSaid(output, "finding");
            progress.Report(new StageProgress("clips", 1, 0, 1, 0, 0, 0));
            return Task.FromResult(0);
        }, "Cancelled.");

        Assert.StartsWith("verify: finding the clips to do …" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task Overlap_with_no_mirror_on_a_network_that_never_answers_says_what_it_waits_on_and_exits_2_within_30_s()
    {
        // The CVDF's host reached through a proxy that takes the connection and never answers: a firewalled node.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
                held.Add(await silent.AcceptTcpClientAsync());
        });
        using var root = new TempFolder();
        var proxy = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var clock = Stopwatch.StartNew();

        using var process = CliRunner.Start(new Dictionary<string, string> { ["https_proxy"] = proxy, ["http_proxy"] = proxy },
            "overlap", root.Path, "--with", "k400:val");
        var lines = new List<string>();
        var saidWhileWaiting = false;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            saidWhileWaiting |= line.StartsWith("Fetching the annotation files of k400:val from https://s3.amazonaws.com", StringComparison.Ordinal) && !process.HasExited;
        }
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(saidWhileWaiting, string.Join('\n', lines));
        Assert.Equal(2, process.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Contains($"looked for {Path.Combine(root.Path, "annotations", "k400", "val.csv")}", error);
        Assert.Contains("Give --mirror", error);
        silent.Stop();
        held.ForEach(client => client.Dispose());
    }
}
