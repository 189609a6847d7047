using System.Diagnostics;

namespace KineticsPrep.Tests;

/// <summary>
/// The faults a cluster delivers, each run as a user meets it: the command, the fault, the fault removed, the same
/// command again. The rerun must end as a clean run does (every clip present and listed, exit 0).
/// </summary>
[Collection(PrepareCollection.Name)]
public sealed class ClusterFaultTests(PrepareFixture fixture) : IDisposable
{
    private readonly TempFolder _bin = new();

    public void Dispose() => _bin.Dispose();

    /// <summary>A train clip of the reference run that has no replacement of the same name, by name without extension.</summary>
    private string SomeTrainClip()
    {
        string[] Names(string split) =>
            Directory.GetFiles(Path.Combine(fixture.Reference, "videos_320p", split), "*.mp4").Select(Path.GetFileNameWithoutExtension).ToArray()!;
        return Names("train").Except(Names("replacement")).Order(StringComparer.Ordinal).First();
    }

    /// <summary>
    /// An ffmpeg that is killed with SIGKILL while encoding <paramref name="clip"/>, as the kernel's OOM killer kills one
    /// child of a job that ran out of memory: once when the clip is made with others, and once when it is made alone
    /// (as after its batch was killed).
    /// </summary>
    private string FFmpegKilledTwiceOn(string clip)
    {
        var flag = _bin.Combine("kill");
        File.WriteAllText(flag + "-alone", "");
        File.WriteAllText(flag + "-together", "");
        return _bin.Script("ffmpeg", $$"""
            #!/bin/sh
            case "$*" in
              *{{clip}}*)
                inputs=$(printf '%s\n' "$@" | grep -c '^-i$')
                if [ "$inputs" -eq 1 ]; then flag='{{flag}}-alone'; else flag='{{flag}}-together'; fi
                if rm "$flag" 2>/dev/null; then
                  '{{Media.Tools.FFmpegPath}}' "$@" & sleep 0.2; kill -9 $! 2>/dev/null; kill -9 $$
                fi;;
            esac
            exec '{{Media.Tools.FFmpegPath}}' "$@"
            """);
    }

    private void AssertSameAsReference(string root, CliRunner.Result rerun)
    {
        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_ffmpeg_killed_by_the_oom_killer_fails_its_clip_for_now_and_the_rerun_makes_it()
    {
        var root = fixture.NewRoot("oom");
        var clip = SomeTrainClip();
        var environment = new Dictionary<string, string> { ["KINETICS_PREP_FFMPEG"] = FFmpegKilledTwiceOn(clip) };

        var first = await CliRunner.RunAsync(environment, fixture.Prepare(root));

        Assert.True(first.ExitCode == 1, first.Stdout + first.Stderr);
        Assert.Contains($"Failed: train/{clip}", first.Stderr);
        Assert.Contains("run again to retry", first.Stderr);
        Assert.False(File.Exists(Path.Combine(root, "videos_320p", "train", clip + ".mp4")));

        var rerun = await CliRunner.RunAsync(environment, fixture.Prepare(root));

        Assert.Contains("1 done before, with clips to make again", rerun.Stdout);
        AssertSameAsReference(root, rerun);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Sigterm_to_the_whole_process_group_as_scancel_sends_it_then_the_rerun_equals_a_clean_run()
    {
        var root = fixture.NewRoot("scancel");
        var info = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "kinetics-prep"), .. PrepareFixture.PrepareFrom(fixture.SlowNginx, root)])
            info.ArgumentList.Add(argument);
        info.Environment["CI"] = "true";
        using var process = Process.Start(info)!;
        var resized = Path.Combine(root, "videos_320p");
        var encoding = await CliRunner.WaitUntilAsync(
            () => Directory.Exists(resized) && Directory.EnumerateFiles(resized, "*", SearchOption.AllDirectories).Any(), process);
        Assert.True(encoding, "no clip was being resized before the run ended");

        // setsid made the run a process group leader: its ffmpegs get the signal too, as under scancel.
        using (var kill = Process.Start("kill", ["-TERM", "--", $"-{process.Id}"]))
            await kill.WaitForExitAsync();
        var stopped = await CliRunner.WaitAsync(process);
        Assert.True(stopped.ExitCode == 2, stopped.Stdout + stopped.Stderr);

        AssertSameAsReference(root, await CliRunner.RunAsync(fixture.Prepare(root)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_read_only_output_folder_fails_its_clips_for_now_and_once_writable_the_rerun_makes_them()
    {
        var root = fixture.NewRoot("read-only-output");
        CliRunner.Result first;
        using (new ReadOnlyMount(Path.Combine(root, "videos_320p", "train")))
            first = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(first.ExitCode == 1, first.Stdout + first.Stderr);
        Assert.Contains("Read-only file system", first.Stderr);

        AssertSameAsReference(root, await CliRunner.RunAsync(fixture.Prepare(root)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Clips_a_plain_run_failed_for_now_are_made_by_the_shards_after_it_and_finalize_exits_0_with_every_clip_listed()
    {
        var root = fixture.NewRoot("plain-then-shards");
        CliRunner.Result plain;
        using (new ReadOnlyMount(Path.Combine(root, "videos_320p", "train")))
            plain = await CliRunner.RunAsync(fixture.Prepare(root));
        var finalizeEarly = await CliRunner.RunAsync(fixture.Prepare(root, "--shard-count", "2", "--finalize"));

        var shards = await Task.WhenAll(
            CliRunner.RunAsync(fixture.Prepare(root, "--shard", "0/2")),
            CliRunner.RunAsync(fixture.Prepare(root, "--shard", "1/2")));
        var finalize = await CliRunner.RunAsync(fixture.Prepare(root, "--shard", "0/2", "--finalize"));

        Assert.True(plain.ExitCode == 1, plain.Stdout + plain.Stderr);
        Assert.True(finalizeEarly.ExitCode == 1, finalizeEarly.Stdout + finalizeEarly.Stderr);
        Assert.Contains("Read-only file system (run the shard, or a plain prepare, again to retry)", finalizeEarly.Stderr);
        Assert.All(shards, shard => Assert.True(shard.ExitCode == 0, shard.Stdout + shard.Stderr));
        Assert.True(finalize.ExitCode == 0, finalize.Stdout + finalize.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("deleted")]
    [InlineData("truncated")]
    [InlineData("deleted", "--keep-originals")]
    public async Task A_resized_clip_changed_by_hand_is_made_again_by_the_rerun(string change, params string[] options)
    {
        var root = fixture.NewRoot($"changed-{change}-{options.Length}");
        var made = await CliRunner.RunAsync(fixture.Prepare(root, options));
        Assert.True(made.ExitCode == 0, made.Stdout + made.Stderr);
        var clip = Path.Combine(root, "videos_320p", "train", SomeTrainClip() + ".mp4");
        if (change == "deleted")
            File.Delete(clip);
        else
            TestArchives.Truncate(clip, 0.5);

        var rerun = await CliRunner.RunAsync(fixture.Prepare(root, options));

        AssertSameAsReference(root, rerun);
        Assert.Equal(15, Media.Inspect(clip).Frames);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_archive_cut_short_by_a_lying_content_length_is_downloaded_once_more_when_it_fails_to_extract()
    {
        await using var server = await FaultServer.StartAsync();
        string? lied = null;
        server.ServeTree(fixture.Mirror, path =>
        {
            var archive = path.EndsWith(".tar.gz", StringComparison.Ordinal) && path.Contains("/train/", StringComparison.Ordinal);
            lied ??= archive ? path : null;
            return archive && lied == path ? FaultServer.Fault.ShortLengthOnce : FaultServer.Fault.None;
        });
        Assert.NotNull(lied);
        var root = fixture.NewRoot("short-length");

        var run = await CliRunner.RunAsync(["prepare", "k400", "--root", root, "--mirror", server.Url]);

        AssertSameAsReference(root, run);
        // The disk estimate's HEAD, the GET that was cut short, and the one more GET.
        Assert.Equal(3, server.Requests.Count(r => r.Path == lied));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_prepare_on_a_root_being_prepared_stops_at_once_naming_the_first_and_after_a_kill_the_lock_is_free()
    {
        var root = fixture.NewRoot("two-runs");
        using var first = CliRunner.Start(PrepareFixture.PrepareFrom(fixture.SlowNginx, root));
        Assert.True(await CliRunner.WaitUntilAsync(() => File.Exists(Path.Combine(root, ".kinetics-prep", "state.owner")), first), "the first run never took the lock");

        var second = await CliRunner.RunAsync(fixture.Prepare(root));
        var sameShard = await CliRunner.RunAsync(fixture.Prepare(root, "--shard", "0/1"));

        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"another kinetics-prep is writing {root} (PID {first.Id} on {Environment.MachineName}", second.Stderr);
        Assert.Equal(2, sameShard.ExitCode);
        Assert.False(first.HasExited, "the first run should still be going");

        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        AssertSameAsReference(root, await CliRunner.RunAsync(fixture.Prepare(root)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Four_shards_started_in_the_same_instant_all_succeed_every_time()
    {
        for (var round = 0; round < 3; round++)
        {
            var root = fixture.NewRoot($"four-shards-{round}");
            var shards = Enumerable.Range(0, 4).Select(i => CliRunner.Start(fixture.Prepare(root, "--shard", $"{i}/4"))).ToList();
            var results = await Task.WhenAll(shards.Select(CliRunner.WaitAsync));
            foreach (var shard in shards)
                shard.Dispose();
            Assert.All(results, r => Assert.True(r.ExitCode == 0, $"round {round}: exit {r.ExitCode}: {r.Stdout}{r.Stderr}"));

            AssertSameAsReference(root, await CliRunner.RunAsync(fixture.Prepare(root, "--finalize")));
        }
    }
}
