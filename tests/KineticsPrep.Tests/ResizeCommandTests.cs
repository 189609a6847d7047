using System.Diagnostics;
using KineticsPrep.Dataset;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

public sealed class ResizeCommandTests
{
    [Fact(Timeout = Timeouts.Process)]
    public async Task A_missing_source_folder_is_a_fatal_error_with_exit_code_2()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync("resize", temp.Combine("nope"), temp.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Source folder not found", result.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Missing_ffmpeg_is_a_fatal_error_that_names_the_debian_package()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("src"));
        File.WriteAllText(temp.Combine("src", "a_000001_000011.mp4"), "a clip to resize, once ffmpeg is found");
        // A PATH without ffmpeg; DOTNET_ROOT so the executable still finds the runtime.
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var environment = new Dictionary<string, string> { ["PATH"] = temp.Combine("empty"), ["DOTNET_ROOT"] = dotnetRoot };

        var result = await CliRunner.RunAsync(environment, "resize", temp.Combine("src"), temp.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ffmpeg and ffprobe not found on PATH", result.Stderr);
        Assert.Contains("apt-get install -y ffmpeg", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_standalone_resize_is_recorded_in_its_destinations_store_which_status_and_report_read()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "train", "a_000001_000011.mp4"), 480, 360);
        Media.MakeClip(temp.Combine("src", "train", "b_000002_000012.mp4"), 480, 360);
        File.WriteAllText(temp.Combine("src", "train", "c_000003_000013.mp4"), "not a video");
        var destination = temp.Combine("out");

        var resize = await CliRunner.RunAsync("resize", temp.Combine("src"), destination);
        var status = await CliRunner.RunAsync("status", "--root", destination);
        var report = await CliRunner.RunAsync("report", "--root", destination);

        Assert.Equal(1, resize.ExitCode);
        Assert.Contains("Resized 2 clips.", status.Stdout);
        Assert.Contains("failed resize: train/c_000003_000013.mp4:", status.Stdout);
        Assert.True(report.ExitCode == 0, report.Stdout + report.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(destination, "report.json")));
        Assert.Equal(2, json.RootElement.GetProperty("histograms").EnumerateArray()
            .Single(h => h.GetProperty("key").GetString() == "short_side_before").GetProperty("count").GetInt32());
        Assert.Equal("train/c_000003_000013.mp4", Assert.Single(json.RootElement.GetProperty("failures").EnumerateArray()).GetProperty("item").GetString());
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_resize_into_a_dataset_root_records_in_that_roots_store()
    {
        using var temp = new TempFolder();
        var root = temp.Combine("root");
        KineticsPrep.State.StateStore.Open(new DatasetRoot(root)).RecordFailure("archives/train/x.tar.gz", "download", "for the test");
        Media.MakeClip(temp.Combine("src", "a_000001_000011.mp4"), 480, 360);

        var resize = await CliRunner.RunAsync("resize", temp.Combine("src"), Path.Combine(root, "videos_320p", "train"));

        Assert.True(resize.ExitCode == 0, resize.Stdout + resize.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, "videos_320p", "train", ".kinetics-prep", "state.db")));
        Assert.Equal("videos_320p/train/a_000001_000011.mp4",
            Assert.Single(KineticsPrep.State.StateStore.OpenReadOnly(new DatasetRoot(root).StateFile(KineticsPrep.State.StateStore.DefaultName)).ResizedSizes()).Path);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_unwritable_destination_is_a_fatal_error_with_the_systems_message_and_no_stack_trace()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "a.mp4"), 64, 64);
        File.WriteAllText(temp.Combine("out"), "a file where the output folder should be");

        var result = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"kinetics-prep: The file '{temp.Combine("out")}' already exists", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("a file where the output folder should be", File.ReadAllText(temp.Combine("out")));
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("--short-side", "321")]
    [InlineData("--crf", "60")]
    [InlineData("--preset", "warp")]
    [InlineData("--workers", "0")]
    public async Task An_invalid_option_is_a_usage_error_with_exit_code_2(string option, string value)
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync("resize", temp.Path, temp.Combine("out"), option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Mmaction2_flags_are_accepted_and_a_clean_run_exits_with_0()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "class a", "a.mp4"), 640, 360);
        var result = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"),
            "--scale", "240", "--num-worker", "1", "--level", "2", "--ext", "mp4", "--to-mp4");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal((426, 240), (Media.Inspect(temp.Combine("out", "class a", "a.mp4")).Width, Media.Inspect(temp.Combine("out", "class a", "a.mp4")).Height));
        Assert.Contains("resize: 1/1 clips", result.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Failed_clips_are_listed_with_reasons_and_the_exit_code_is_1()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "good.mp4"), 320, 240);
        File.WriteAllText(temp.Combine("src", "bad.mp4"), "not a video");
        var result = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{temp.Combine("src", "bad.mp4")}: ", result.Stderr);
        Assert.Contains("Invalid data found", result.Stderr);
        Assert.True(File.Exists(temp.Combine("out", "good.mp4")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Overwrite_redoes_finished_outputs_that_a_plain_rerun_skips()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "a.mp4"), 640, 360);
        await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"));

        var rerun = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"));
        var overwrite = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"), "--overwrite");

        Assert.Contains("0 encoded", rerun.Stdout);
        Assert.Contains("1 already done", rerun.Stdout);
        Assert.Contains("1 encoded", overwrite.Stdout);
        Assert.Contains("0 already done", overwrite.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_destination_refuses_another_short_side_naming_both_and_reencode_makes_its_clips_again()
    {
        using var temp = new TempFolder();
        Media.MakeClip(temp.Combine("src", "a.mp4"), 640, 360);
        await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"));

        var other = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"), "--short-side", "256");
        var kept = Media.Inspect(temp.Combine("out", "a.mp4")).Height;
        var reencode = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"), "--short-side", "256", "--reencode");
        var rerun = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"), "--short-side", "256");

        Assert.Equal(2, other.ExitCode);
        Assert.Contains($"{temp.Combine("out")} was made with --short-side 320, and this run asks for --short-side 256", other.Stderr);
        Assert.Equal(320, kept);
        Assert.True(reencode.ExitCode == 0, reencode.Stderr);
        Assert.Equal(256, Media.Inspect(temp.Combine("out", "a.mp4")).Height);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("1 already done", rerun.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Keep_audio_and_upscale_do_what_they_say()
    {
        using var temp = new TempFolder();
        Media.MakeClipWithAudio(temp.Combine("src", "a.mp4"), 200, 150);
        var result = await CliRunner.RunAsync("resize", temp.Combine("src"), temp.Combine("out"), "--keep-audio", "--upscale");
        Assert.Equal(0, result.ExitCode);
        var facts = Media.Inspect(temp.Combine("out", "a.mp4"));
        Assert.Equal((426, 320, "aac"), (facts.Width, facts.Height, facts.AudioCodec));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_run_killed_midway_leaves_no_complete_looking_partial_file_and_the_next_run_finishes()
    {
        using var temp = new TempFolder();
        // More clips than one ffmpeg takes, so that one batch is in place while the next is being made.
        const int clips = ClipResizer.MaxBatch + 4, frames = 100;
        for (var i = 0; i < clips; i++)
            Media.MakeClip(temp.Combine("src", $"clip{i}.mp4"), 640, 360, 4, 25);
        var output = temp.Combine("out");

        using (var process = CliRunner.Start("resize", temp.Combine("src"), output, "--workers", "1"))
        {
            Assert.True(await CliRunner.WaitUntilAsync(() => Outputs(output).Length >= 1 && Partials(output).Length >= 1, process),
                "the run ended before it could be killed midway");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var survivors = Outputs(output);
        Assert.InRange(survivors.Length, 1, clips - 1);
        Assert.All(survivors, path => Assert.Equal(frames, Media.Inspect(path).Frames));

        var rerun = await CliRunner.RunAsync("resize", temp.Combine("src"), output);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{survivors.Length} already done", rerun.Stdout);
        Assert.Equal(clips, Outputs(output).Length);
        Assert.All(Outputs(output), path => Assert.Equal(frames, Media.Inspect(path).Frames));
        Assert.Empty(Partials(output));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Ctrl_c_kills_running_ffmpegs_removes_partial_files_and_keeps_finished_outputs()
    {
        using var temp = new TempFolder();
        // More clips than two ffmpegs take, so that the first batches are in place while the last is being made.
        for (var i = 0; i < 2 * ClipResizer.MaxBatch + 2; i++)
            Media.MakeClip(temp.Combine("src", $"clip{i}.mp4"), 640, 360, 4, 25);
        var output = temp.Combine("out");

        using var process = CliRunner.Start("resize", temp.Combine("src"), output, "--workers", "2");
        Assert.True(await CliRunner.WaitUntilAsync(() => Outputs(output).Length >= 1 && Partials(output).Length >= 1, process),
            "the run ended before it could be interrupted");
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        var result = await CliRunner.WaitAsync(process);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cancelled", result.Stderr);
        Assert.Empty(Partials(output));
        Assert.All(Outputs(output), path => Assert.Equal(100, Media.Inspect(path).Frames));
        Assert.Empty(FFmpegProcessesWriting(output));
    }

    private static string[] Outputs(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mp4") : [];

    private static string[] Partials(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.partial") : [];

    private static IEnumerable<string> FFmpegProcessesWriting(string folder) =>
        Directory.GetDirectories("/proc")
            .Select(dir => Path.Combine(dir, "cmdline"))
            .Select(path => { try { return File.ReadAllText(path); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(cmdline => cmdline.Contains("ffmpeg", StringComparison.Ordinal) && cmdline.Contains(folder, StringComparison.Ordinal));
}
