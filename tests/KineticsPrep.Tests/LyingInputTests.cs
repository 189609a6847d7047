using System.Diagnostics;

namespace KineticsPrep.Tests;

/// <summary>
/// Inputs that lie (CSVs, lists, redirects, manifests, options): each gets one plain line and the documented exit code,
/// never a stack trace, and once the fault is fixed a rerun completes.
/// </summary>
[Collection(PrepareCollection.Name)]
public sealed class LyingInputTests(PrepareFixture fixture) : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    /// <summary>A copy of the fixture's mirror that a test may change.</summary>
    private string CopyOfMirror(string name)
    {
        var copy = _work.Combine(name);
        TempFolder.CopyTree(fixture.Mirror, copy);
        return copy;
    }

    private static string TrainList(string mirror) => Path.Combine(mirror, "400", "train", "k400_train_path.txt");

    private static void AssertPlain(CliRunner.Result run)
    {
        var output = run.Stdout + run.Stderr;
        Assert.False(output.Contains("   at ", StringComparison.Ordinal) || output.Contains("Exception", StringComparison.Ordinal), output);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_repeated_csv_row_is_kept_once_and_a_clip_with_two_labels_is_named_with_both_rows_until_one_is_left()
    {
        var root = fixture.CopyOfReference("repeated-rows");
        var csv = Path.Combine(root, "annotations", "train.csv");
        var original = File.ReadAllLines(csv);
        var (same, other) = (original[2], original[3]);
        var otherLabel = original[2].Split(',')[0];
        File.AppendAllLines(csv, [same, $"{otherLabel},{string.Join(',', other.Split(',').Skip(1))}"]);
        var otherClip = other.Split(',')[^5];

        var run = await CliRunner.RunAsync("annotate", "--root", root);

        AssertPlain(run);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 row repeating another row of the same clip and label, kept once.", run.Stdout);
        Assert.Contains("Clips with two labels in one split (left out: keep one row) (1):", run.Stderr);
        Assert.Contains($"train.csv line 4 says '{other.Split(',')[0].Trim('"')}', train.csv line {original.Length + 2} says '{otherLabel.Trim('"')}'", run.Stderr);
        var listed = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        Assert.Single(listed, line => line.Contains(same.Split(',')[^5], StringComparison.Ordinal));
        Assert.DoesNotContain(listed, line => line.Contains(otherClip, StringComparison.Ordinal));

        File.WriteAllLines(csv, original.Append(same));
        var fixedRun = await CliRunner.RunAsync("annotate", "--root", root);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Equal(File.ReadAllLines(Path.Combine(fixture.Reference, "lists", "train.csv")).Select(l => l.Replace(fixture.Reference, root, StringComparison.Ordinal)),
            File.ReadAllLines(Path.Combine(root, "lists", "train.csv")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_html_page_served_as_train_csv_is_refused_showing_its_start_and_fetched_again_once_the_real_one_is_there()
    {
        var mirror = CopyOfMirror("html-csv");
        var csv = Path.Combine(mirror, "400", "annotations", "train.csv");
        var real = File.ReadAllBytes(csv);
        File.WriteAllText(csv, "<!DOCTYPE html><html><head><title>Sign in to the hotel Wi-Fi</title></head><body>…</body></html>\n");
        using var nginx = new NginxServer(mirror);
        var root = _work.Combine("html-root");

        var run = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(nginx, root));

        AssertPlain(run);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a Kinetics annotation CSV", run.Stderr);
        Assert.Contains("it starts with '<!DOCTYPE html><html><head><title>Sign in", run.Stderr);
        Assert.False(File.Exists(Path.Combine(root, "annotations", "train.csv")));

        File.WriteAllBytes(csv, real);
        var again = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(nginx, root));
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_empty_list_of_archives_is_refused_with_exit_2_and_leaves_no_root()
    {
        var mirror = CopyOfMirror("empty-list");
        File.WriteAllText(TrainList(mirror), "");
        var root = _work.Combine("empty-list-root");

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", mirror);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("k400_train_path.txt names no archive (an empty list)", run.Stderr);
        Assert.False(Directory.Exists(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_list_line_repeated_or_spelled_two_ways_is_downloaded_once_and_the_root_is_the_reference()
    {
        var mirror = CopyOfMirror("repeated-lines");
        var lines = File.ReadAllLines(TrainList(mirror));
        File.WriteAllLines(TrainList(mirror),
            [.. Enumerable.Repeat(lines[0], 5), $"  {lines[1].Replace("/train/", "/train/sub/../", StringComparison.Ordinal)}  ", lines[1], .. lines.Skip(2)]);
        using var nginx = new NginxServer(mirror);
        var root = _work.Combine("repeated-lines-root");

        var run = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(nginx, root));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
        Assert.Single(nginx.Requests, r => r.Contains("GET /400/train/part_0.tar.gz", StringComparison.Ordinal));
        Assert.Single(nginx.Requests, r => r.Contains("GET /400/train/part_1.tar.gz", StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_list_line_with_a_nul_is_refused_by_its_line_number()
    {
        var mirror = CopyOfMirror("nul-line");
        File.AppendAllLines(TrainList(mirror), ["https://s3.amazonaws.com/kinetics/400/train/part%00_9.tar.gz"]);
        var root = _work.Combine("nul-root");

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", mirror);

        AssertPlain(run);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("train list, line 4: refused 'https://s3.amazonaws.com/kinetics/400/train/part%00_9.tar.gz': it holds a NUL or another control character", run.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_mirror_whose_base_path_is_wrong_stops_at_once_with_one_line_and_leaves_no_root()
    {
        var root = _work.Combine("wrong-base-root");
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", fixture.Nginx.Url + "/datasets");

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
        Assert.Equal(
            $"kinetics-prep: every request so far is 404: is --mirror's base path right? (expected {fixture.Nginx.Url}/datasets/400/train/k400_train_path.txt, " +
            "which mirrors https://s3.amazonaws.com/kinetics's tree)",
            run.Stderr.Trim());
        Assert.False(Directory.Exists(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_label_holding_a_newline_is_refused_naming_its_row()
    {
        var root = fixture.CopyOfReference("newline-label");
        var csv = Path.Combine(root, "annotations", "train.csv");
        var lines = File.ReadAllLines(csv);
        var row = lines[1].Split(',');
        lines[1] = string.Join(',', ["\"abseil\ning\"", .. row.Skip(1)]);
        File.WriteAllLines(csv, lines);
        var labels = File.ReadAllText(Path.Combine(root, "lists", "labels.txt"));

        var run = await CliRunner.RunAsync("annotate", "--root", root);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{csv}:2: the label holds a newline, tab or other control character: 'abseil\\u000aing'", run.Stderr);
        Assert.Equal(labels, File.ReadAllText(Path.Combine(root, "lists", "labels.txt")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_manifest_with_a_field_that_is_no_number_is_refused_naming_the_file_and_line()
    {
        var manifest = _work.Combine("manifest.csv");
        var text = PrepareFixture.ListFile(Path.Combine(fixture.Reference, "lists", "manifest.csv.gz"), fixture.Reference).Split('\n');
        var fields = text[1].Split(',');
        fields[1] = "ten";
        text[1] = string.Join(',', fields);
        File.WriteAllLines(manifest, text);

        var run = await CliRunner.RunAsync("compare", manifest, fixture.Reference);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{manifest}, line 2: time_start is 'ten', not a whole number", run.Stderr);
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData(5, 50)]
    [InlineData(2, 20)]
    [InlineData(1, 10)]
    public async Task A_low_fps_keeps_every_clip_with_the_frames_of_that_rate(int fps, int frames)
    {
        var source = _work.Combine($"fps{fps}", "src");
        Media.MakeClip(Path.Combine(source, "abcdefghijk_000000_000010.mp4"), 320, 240, seconds: 10, fps: 30);
        var output = _work.Combine($"fps{fps}", "out");

        var run = await CliRunner.RunAsync("resize", source, output, "--fps", fps.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.InRange(Media.Inspect(Path.Combine(output, "abcdefghijk_000000_000010.mp4")).Frames, frames - 1, frames + 1);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_redirect_to_a_file_url_fails_that_archive_in_one_line()
    {
        await using var server = await FaultServer.StartAsync();
        server.ServeTree(fixture.Mirror, _ => FaultServer.Fault.None);
        server.Serve("/400/train/part_0.tar.gz", "file:///etc/hostname"u8.ToArray(), FaultServer.Fault.Redirect);
        var root = _work.Combine("file-redirect-root");

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", server.Url);

        AssertPlain(run);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("part_0.tar.gz: redirects to file:///etc/hostname, which is not an http or https URL: refused", run.Stderr);
        Assert.Empty(Directory.GetFiles(root, "hostname", SearchOption.AllDirectories));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Archives_redirected_to_a_dead_host_end_the_run_naming_it()
    {
        await using var server = await FaultServer.StartAsync();
        server.ServeTree(fixture.Mirror, path => path.EndsWith(".tar.gz", StringComparison.Ordinal) || path.EndsWith(".tgz", StringComparison.Ordinal)
            ? FaultServer.Fault.Redirect
            : FaultServer.Fault.None);
        foreach (var archive in Directory.GetFiles(fixture.Mirror, "*.t*gz", SearchOption.AllDirectories))
        {
            var path = "/" + Path.GetRelativePath(fixture.Mirror, archive).Replace('\\', '/');
            server.Serve(path, System.Text.Encoding.UTF8.GetBytes("http://127.0.0.1:1" + path), FaultServer.Fault.Redirect);
        }
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", _work.Combine("dead-redirect-root"), "--mirror", server.Url);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{clock.Elapsed}");
        Assert.Contains("redirects to http://127.0.0.1:1/400/", run.Stderr);
        Assert.Contains("which cannot be reached: the connection was refused", run.Stderr);
    }

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("prepare k400 --mirror MIRROR --root")]
    [InlineData("export rawframes --root")]
    [InlineData("annotate --root")]
    public async Task A_root_whose_path_holds_whitespace_is_refused_before_any_work_by_a_command_that_writes_lists(string command)
    {
        var root = _work.Combine("my data", "k400");
        Directory.CreateDirectory(root);

        var run = await CliRunner.RunAsync([.. command.Replace("MIRROR", fixture.Nginx.Url, StringComparison.Ordinal).Split(' '), root]);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{root}: the lists name clips by path and the loaders split their lines on whitespace", run.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(root));
        Assert.DoesNotContain(fixture.Nginx.Requests, r => r.Contains("my%20data", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--shard-count", "-1")]
    [InlineData("--shard", "2/2")]
    [InlineData("--workers", "0")]
    [InlineData("--fps", "0")]
    [InlineData("--short-side", "9000")]
    public async Task A_number_out_of_its_range_is_refused_before_any_side_effect(string option, string value)
    {
        var root = _work.Combine($"range{option}{value}");

        var run = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", fixture.Nginx.Url, option, value);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option == "--shard" ? "'2/2' is not a shard" : option, run.Stderr);
        Assert.False(Directory.Exists(root));
    }

    [Theory]
    [InlineData("[out#0/mp4 @ 0x1] Error opening output file x.mp4.partial: Operation not permitted")]
    [InlineData("Error opening output x.mp4.partial: Permission denied")]
    [InlineData("x.mp4.partial: Read-only file system")]
    [InlineData("av_interleaved_write_frame(): No space left on device")]
    public void A_tool_failing_for_a_cause_outside_the_clip_is_retried_by_the_next_run(string stderr) =>
        Assert.True(KineticsPrep.Media.MediaToolException.IsTransientExit(1, [stderr]));

    [Fact]
    public void A_tool_failing_on_the_clip_s_own_bytes_is_final() =>
        Assert.False(KineticsPrep.Media.MediaToolException.IsTransientExit(1, ["[mov,mp4 @ 0x1] moov atom not found", "x.mp4: Invalid data found when processing input"]));

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("http://127.0.0.1:1", "the connection was refused")]
    [InlineData("http://kinetics.invalid", "its name does not resolve")]
    public async Task Overlap_with_a_release_not_held_and_no_mirror_to_reach_fails_within_30_s_saying_where_it_looked(string mirror, string why)
    {
        var root = fixture.CopyOfReference($"overlap-{why.Length}");
        var clock = Stopwatch.StartNew();

        var run = await CliRunner.RunAsync("overlap", "--root", root, "--with", "k600:val", "--mirror", mirror);

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed}");
        Assert.Contains($"has no k600:val annotation file (looked for {root}/annotations/k600/val.csv)", run.Stderr);
        Assert.Contains(why, run.Stderr);
        Assert.Contains("Give --mirror", run.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_csv_list_is_never_written_over_the_official_annotation_csv()
    {
        var root = fixture.CopyOfReference("csv-over-official");
        var annotations = Path.Combine(root, "annotations");
        var before = PrepareFixture.Hashes(annotations);

        var run = await CliRunner.RunAsync("annotate", "--annotations", annotations, "--videos", Path.Combine(root, "videos_320p"), "--out", annotations, "--format", "csv");

        AssertPlain(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{annotations}/train.csv is an annotation CSV, and the csv list would be written over it: give another --out.", run.Stderr);
        Assert.Equal(before, PrepareFixture.Hashes(annotations));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Verify_gives_each_bad_clip_a_short_plain_reason_and_logs_ffmpeg_s_own_words()
    {
        var root = fixture.CopyOfReference("verify-plain");
        var clip = Directory.GetFiles(Path.Combine(root, "videos_320p", "val"), "*.mp4")[0];
        Media.Truncate(clip);

        var run = await CliRunner.RunAsync("verify", "--root", root);

        AssertPlain(run);
        Assert.Equal(1, run.ExitCode);
        var line = run.Stderr.Split('\n').Single(l => l.Contains(Path.GetFileName(clip), StringComparison.Ordinal) && !l.Contains("listed", StringComparison.Ordinal));
        Assert.Matches(@": (cut short[^@]*|decode error in a [\d.]+ s clip|no frame decodes|not a video ffmpeg can read)$", line);
        var log = Assert.Single(Directory.GetFiles(Path.Combine(root, ".kinetics-prep", "logs"), "verify-*.log"));
        Assert.Contains($"ffmpeg's messages for them: {log}", run.Stdout);
        Assert.Contains(Path.GetFileName(clip), File.ReadAllText(log));
    }
}
