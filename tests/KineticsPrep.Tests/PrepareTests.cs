using KineticsPrep.Dataset;
using KineticsPrep.Pipeline;

namespace KineticsPrep.Tests;

[Collection(PrepareCollection.Name)]
public sealed partial class PrepareTests(PrepareFixture fixture)
{
    [Fact]
    public void One_command_gives_resized_clips_and_lists_and_cleans_up_archives_and_originals()
    {
        Assert.True(fixture.ReferenceRun.ExitCode == 0, fixture.ReferenceRun.Stdout + fixture.ReferenceRun.Stderr);
        var root = fixture.Reference;

        var train = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        Assert.Equal(9, train.Length);
        Assert.Equal($"{root}/videos_320p/replacement/demo0000000_000000_000010.mp4 0", train[0]);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(root, "lists", "val.csv")).Length);
        Assert.Equal(["abseiling", "air drumming", "playing guitar"], File.ReadAllLines(Path.Combine(root, "lists", "labels.txt")));
        Assert.Equal(["gonetrainxx_000000_000010"], File.ReadAllLines(Path.Combine(root, "lists", "missing_train.txt")));

        var clips = Directory.GetFiles(Path.Combine(root, "videos_320p"), "*.mp4", SearchOption.AllDirectories);
        Assert.Equal(16, clips.Length); // 5 archives x 3 clips + 1 replacement
        Assert.All(clips, clip => Assert.Equal((426, 320, 15), (Media.Inspect(clip).Width, Media.Inspect(clip).Height, Media.Inspect(clip).Frames)));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "videos"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "archives"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Its_index_has_a_row_per_listed_clip_with_the_frames_that_decode()
    {
        var lists = Path.Combine(fixture.Reference, "lists");
        var listed = new[] { "train", "val", "test" }
            .SelectMany(split => File.ReadAllLines(Path.Combine(lists, split + ".csv")).Select(line => (Path: line.Split(' ')[0], split, Label: int.Parse(line.Split(' ')[1]))))
            .ToList();
        var index = ClipIndexFile.Read(lists);

        Assert.Equal(listed, index.Select(r => (r.Path, r.Split, r.LabelId)));
        Assert.All(index, row =>
        {
            var decoded = Media.Inspect(row.Path);
            Assert.Equal((decoded.Frames, decoded.Width, decoded.Height), ((int)row.Frames!, row.Width, row.Height));
            Assert.Equal(new FileInfo(row.Path).Length, row.Bytes);
            Assert.Equal(15, row.Fps!.Value, precision: 1);
            Assert.InRange(row.MaxKeyframeInterval!.Value, 1, row.Frames!.Value);
        });
    }

    /// <summary>lists/manifest.csv.gz as rows of named fields.</summary>
    private static List<Dictionary<string, string>> Manifest(string root)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(root, "lists", "manifest.csv.gz")), System.IO.Compression.CompressionMode.Decompress);
        var lines = new StreamReader(gzip).ReadToEnd().TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_manifest_has_a_row_per_annotation_row_whose_hashes_equal_sha256sum_of_the_archive_members_and_the_clips()
    {
        var rows = Manifest(fixture.Reference);
        using var members = new TempFolder();
        var archive = Directory.GetFiles(Path.Combine(fixture.Mirror, "400", "train"), "part_1.tar.gz").Single();
        SystemCommand.Run("tar", "-xzf", archive, "-C", members.Path);
        var sums = SystemCommand.Run("sh", "-c", $"cd '{members.Path}' && find . -name '*.mp4' -exec sha256sum {{}} +")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => Path.GetFileNameWithoutExtension(line.Split("  ")[1]), line => line.Split("  ")[0]);

        var csvRows = Directory.GetFiles(Path.Combine(fixture.Reference, "annotations"), "*.csv").Sum(f => File.ReadAllLines(f).Length - 1);
        Assert.Equal(csvRows, rows.Count);
        Assert.Equal(["missing", "present", "replaced"], rows.Select(r => r["status"]).Distinct().Order());
        var fromPart1 = rows.Where(r => r["archive"] == "archives/train/part_1.tar.gz").ToList();
        Assert.NotEmpty(fromPart1);
        Assert.All(fromPart1, r => Assert.Equal(sums[$"{r["youtube_id"]}_{int.Parse(r["time_start"], System.Globalization.CultureInfo.InvariantCulture):000000}_{int.Parse(r["time_end"], System.Globalization.CultureInfo.InvariantCulture):000000}"], r["source_sha256"]));
        foreach (var row in rows.Where(r => r["status"] != "missing"))
        {
            var made = SystemCommand.Run("sha256sum", row["output_path"]).Split(' ')[0];
            Assert.Equal(made, row["output_sha256"]);
        }
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Reference, "lists", "manifest.json")));
        Assert.Equal("23", json.RootElement.GetProperty("settings").GetProperty("--crf").GetString());
        Assert.Equal(fixture.Nginx.Url, json.RootElement.GetProperty("mirror").GetString());
        Assert.Contains(json.RootElement.GetProperty("downloads").EnumerateArray(), d => d.GetProperty("path").GetString() == "archives/train/part_1.tar.gz");
    }

    [Fact]
    public void Its_log_lines_show_clips_per_second_mebibytes_per_second_and_an_eta() =>
        Assert.Matches(@"prepare: 6/6 archives, 16 clips resized \(\d+\.\d clips/s\), 0 failed, [\d.]+ [KM]iB downloaded \([\d.]+ (B|KiB|MiB)/s\), ETA 00:00:00\n",
            fixture.ReferenceRun.Stdout);

    [Theory(Timeout = Timeouts.Process)]
    [InlineData("--short-side", "256", "320")]
    [InlineData("--profile", "dali", "default")]
    public async Task A_prepared_root_refuses_other_output_settings_naming_both_and_keeps_its_lists(string option, string asked, string made)
    {
        var root = fixture.CopyOfReference($"settings{option}");
        var before = PrepareFixture.Result(root);

        var run = await CliRunner.RunAsync(fixture.Prepare(root, option, asked));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{root} was made with {option} {made}, and this run asks for {option} {asked}", run.Stderr);
        Assert.Contains("add --reencode to make the clips again with the new settings, or prepare into another --root.", run.Stderr);
        Assert.Equal(before, PrepareFixture.Result(root));
        Assert.False(Directory.Exists(Path.Combine(root, "videos_256p")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Reencode_makes_every_clip_again_from_the_kept_originals_and_the_root_then_keeps_the_new_settings()
    {
        var root = fixture.NewRoot("reencode");
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals"))).ExitCode);
        var lists = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));

        var reencode = await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals", "--short-side", "256", "--reencode"));
        var again = await CliRunner.RunAsync(fixture.Prepare(root, "--short-side", "256"));
        var old = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(reencode.ExitCode == 0, reencode.Stdout + reencode.Stderr);
        Assert.Contains("Re-encoding the clips from their originals (--short-side 320 → --short-side 256).", reencode.Stdout);
        var remade = Directory.GetFiles(Path.Combine(root, "videos_256p"), "*.mp4", SearchOption.AllDirectories);
        Assert.Equal(16, remade.Length);
        Assert.All(remade, clip => Assert.Equal(256, Math.Min(Media.Inspect(clip).Width, Media.Inspect(clip).Height)));
        Assert.Equal(lists.Select(line => line.Replace("videos_320p", "videos_256p", StringComparison.Ordinal)),
            File.ReadAllLines(Path.Combine(root, "lists", "train.csv")));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("The root is complete: all 6 archives processed", again.Stdout);
        Assert.Equal(2, old.ExitCode);
        Assert.Contains("was made with --short-side 256, and this run asks for --short-side 320", old.Stderr);

        // In the same folder: every clip is made again, not taken as done because it is there.
        var sizes = remade.ToDictionary(clip => clip, clip => new FileInfo(clip).Length);
        var crf = await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals", "--short-side", "256", "--crf", "40", "--reencode"));
        Assert.True(crf.ExitCode == 0, crf.Stdout + crf.Stderr);
        Assert.All(remade, clip => Assert.True(new FileInfo(clip).Length < sizes[clip], $"{clip} was not made again at crf 40"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_reencode_that_fails_leaves_the_old_clips_and_lists_in_force_and_the_same_command_then_finishes_it()
    {
        var root = fixture.NewRoot("reencode-fails");
        Assert.Equal(0, (await CliRunner.RunAsync(fixture.Prepare(root, "--keep-originals"))).ExitCode);
        var before = PrepareFixture.Result(root);
        var clips = PrepareFixture.Hashes(Path.Combine(root, "videos_320p"));
        var reencode = fixture.Prepare(root, "--keep-originals", "--short-side", "256", "--reencode");

        CliRunner.Result failed;
        using (new ReadOnlyMount(Path.Combine(root, ".kinetics-prep", "reencode", "videos_256p", "train")))
            failed = await CliRunner.RunAsync(reencode);

        Assert.True(failed.ExitCode == 1, failed.Stdout + failed.Stderr);
        Assert.Contains("the re-encode is not finished", failed.Stdout + failed.Stderr);
        Assert.Equal(before, PrepareFixture.Result(root));
        Assert.Equal(clips, PrepareFixture.Hashes(Path.Combine(root, "videos_320p")));
        Assert.False(Directory.Exists(Path.Combine(root, "videos_256p")));
        Assert.Contains("--short-side 320", (await CliRunner.RunAsync("status", "--root", root)).Stdout);

        var resumed = await CliRunner.RunAsync(reencode);

        Assert.True(resumed.ExitCode == 0, resumed.Stdout + resumed.Stderr);
        var remade = Directory.GetFiles(Path.Combine(root, "videos_256p"), "*.mp4", SearchOption.AllDirectories);
        Assert.Equal(before.Keys.Count(k => k.StartsWith("videos_320p", StringComparison.Ordinal)), remade.Length);
        Assert.All(remade, clip => Assert.Equal(256, Math.Min(Media.Inspect(clip).Width, Media.Inspect(clip).Height)));
        Assert.Equal(before["lists/train.csv"].Replace("videos_320p", "videos_256p", StringComparison.Ordinal),
            PrepareFixture.ListFile(Path.Combine(root, "lists", "train.csv"), root));
        Assert.False(Directory.Exists(Path.Combine(root, "videos_320p")));
        Assert.False(Directory.Exists(Path.Combine(root, ".kinetics-prep", "reencode", "videos_256p")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Reencode_without_the_originals_refuses_saying_they_were_deleted_and_changes_nothing()
    {
        var root = fixture.CopyOfReference("reencode-no-originals");
        var before = PrepareFixture.Result(root);

        var run = await CliRunner.RunAsync(fixture.Prepare(root, "--crf", "30", "--reencode"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reencode makes the clips again from their originals, but 16 of 16 originals (under videos/) were deleted once resized", run.Stderr);
        Assert.Equal(before, PrepareFixture.Result(root));
        Assert.Contains("was made with --crf 23", (await CliRunner.RunAsync(fixture.Prepare(root, "--crf", "30"))).Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Annotate_with_a_root_takes_its_annotations_resized_clips_and_lists_folder_and_writes_what_prepare_wrote()
    {
        var root = fixture.CopyOfReference("annotate-root");
        Directory.Delete(Path.Combine(root, "lists"), recursive: true);

        var run = await CliRunner.RunAsync("annotate", "--root", root);
        var neither = await CliRunner.RunAsync("annotate", "--videos", root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give --root DIR, or --annotations, --videos and --out.", neither.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Lists_rewritten_with_fewer_clips_than_they_had_say_so()
    {
        var root = fixture.CopyOfReference("shrunk");
        foreach (var clip in Directory.GetFiles(Path.Combine(root, "videos_320p", "train")).Take(2))
            File.Delete(clip);

        var run = await CliRunner.RunAsync("annotate", "--root", root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Note: the train list had 9 clips and now has 7 (2 fewer)", run.Stderr);
        Assert.DoesNotContain("the val list", run.Stderr);
        Assert.Contains("\"Shrunk\"", File.ReadAllText(Path.Combine(root, "lists", "summary.json")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Labels_and_format_pass_through_prepare_to_its_lists()
    {
        var root = fixture.CopyOfReference("labels");
        var k400 = LabelMap.Load("mmaction2-k400").Names.ToList();

        var run = await CliRunner.RunAsync(fixture.Prepare(root, "--labels", "mmaction2-k400", "--format", "uniformerv2"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(k400, File.ReadAllLines(Path.Combine(root, "lists", "labels.txt")));
        Assert.Equal($"{root}/videos_320p/replacement/demo0000000_000000_000010.mp4,{k400.IndexOf("abseiling")}",
            File.ReadAllLines(Path.Combine(root, "lists", "train.csv"))[0]);
        Assert.Contains($",{k400.IndexOf("playing guitar")}", File.ReadAllLines(Path.Combine(root, "lists", "train.csv"))[2]);
    }


    /// <summary>Ten points of a run's work, each counted from the run's start: downloads first, then extraction, resizing
    /// and the records between them.</summary>
    private static readonly RunEvents.Point[] KillPoints =
    [
        new(RunEvents.Kind.Bytes, 1),
        new(RunEvents.Kind.Commits, 1),
        new(RunEvents.Kind.Bytes, 48 * 1024),
        new(RunEvents.Kind.Extracted, 1),
        new(RunEvents.Kind.Commits, 3),
        new(RunEvents.Kind.Clips, 1),
        new(RunEvents.Kind.Extracted, 2),
        new(RunEvents.Kind.Clips, 2),
        new(RunEvents.Kind.Commits, 2),
        new(RunEvents.Kind.Clips, 1),
    ];

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_store_whose_wal_was_deleted_after_a_kill_says_so_and_the_rerun_redoes_what_was_lost()
    {
        var root = fixture.NewRoot("lost-wal");
        var events = new RunEvents(root);
        using (var process = CliRunner.Start(PrepareFixture.PrepareFrom(fixture.SlowNginx, root)))
        {
            var point = new RunEvents.Point(RunEvents.Kind.Extracted, 1);
            while (!events.Reached(point) && !process.HasExited)
                await Task.Delay(2);
            Assert.False(process.HasExited);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var wal = Path.Combine(root, ".kinetics-prep", "state.db-wal");
        Assert.True(new FileInfo(wal).Length > 0);
        File.Delete(wal);
        File.Delete(wal[..^4] + "-shm");

        var rerun = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Matches(@"Note: \S+state\.db lost its last \d+ recorded steps \(its -wal file went missing", rerun.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
        Assert.DoesNotContain("lost its last", (await CliRunner.RunAsync(fixture.Prepare(root))).Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_of_a_run_killed_midway_says_stopped_and_gives_no_eta_while_a_live_run_gets_one()
    {
        var root = fixture.NewRoot("killed-status");
        var events = new RunEvents(root);
        using var process = CliRunner.Start(PrepareFixture.PrepareFrom(fixture.SlowNginx, root));
        var point = new RunEvents.Point(RunEvents.Kind.Bytes, 48 * 1024);
        while (!events.Reached(point) && !process.HasExited)
            await Task.Delay(2);
        Assert.False(process.HasExited);
        var live = await CliRunner.RunAsync("status", root);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var stopped = await CliRunner.RunAsync("status", "--root", root);

        Assert.Equal(0, stopped.ExitCode);
        Assert.DoesNotContain("Stopped:", live.Stdout);
        Assert.Contains("Stopped: no run is writing this root now.", stopped.Stdout);
        Assert.Contains(" stopped\n", stopped.Stdout);
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\n", stopped.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Killed_with_sigkill_at_ten_points_of_its_work_and_resumed_it_ends_identical_to_an_uninterrupted_run()
    {
        var root = fixture.NewRoot("killed");
        foreach (var point in KillPoints)
        {
            var events = new RunEvents(root);
            using var process = CliRunner.Start(PrepareFixture.PrepareFrom(fixture.SlowNginx, root));
            while (!events.Reached(point) && !process.HasExited)
                await Task.Delay(2);
            if (process.HasExited)
            {
                var early = await CliRunner.WaitAsync(process);
                Assert.Fail($"the run finished before {point} (exit {early.ExitCode}): {early.Stdout}{early.Stderr}");
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var final = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(final.ExitCode == 0, final.Stdout + final.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
        Assert.All(Directory.GetFiles(Path.Combine(root, "videos_320p"), "*.mp4", SearchOption.AllDirectories),
            clip => Assert.Equal(15, Media.Inspect(clip).Frames));
    }

    public static TheoryData<string[], string[]> FirstThenSecond() => new()
    {
        { [], ["--shard", "0/2"] },
        { ["--shard", "1/2"], [] },
    };

    [Theory(Timeout = Timeouts.Process)]
    [MemberData(nameof(FirstThenSecond))]
    public async Task A_plain_run_and_a_shard_run_on_one_root_never_run_at_once_the_second_is_refused_at_once(string[] first, string[] second)
    {
        var root = fixture.NewRoot($"plain-and-shard-{first.Length}");
        var stateFolder = Path.Combine(root, ".kinetics-prep");
        using var holder = CliRunner.Start(PrepareFixture.PrepareFrom(fixture.SlowNginx, root, first));
        Assert.True(await CliRunner.WaitUntilAsync(() => Directory.Exists(stateFolder) && Directory.GetFiles(stateFolder, "*.owner").Length > 0, holder),
            "the first run ended before it held the root");
        await Task.Delay(TimeSpan.FromSeconds(2));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var refused = await CliRunner.RunAsync(fixture.Prepare(root, second));
        var took = started.Elapsed;
        var stillRunning = !holder.HasExited;
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        var after = await CliRunner.RunAsync(fixture.Prepare(root));

        Assert.True(stillRunning, "the first run had ended: nothing was held");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"another kinetics-prep is writing {root}", refused.Stderr);
        Assert.True(took < TimeSpan.FromSeconds(15), $"refused after {took}");
        Assert.True(after.ExitCode == 0, after.Stdout + after.Stderr); // one after the other, they work
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Two_shards_at_once_then_finalize_give_the_same_result_as_one_machine()
    {
        var root = fixture.NewRoot("sharded");
        var shards = await Task.WhenAll(
            CliRunner.RunAsync(fixture.Prepare(root, "--shard", "0/2")),
            CliRunner.RunAsync(fixture.Prepare(root, "--shard", "1/2")));
        Assert.All(shards, shard => Assert.True(shard.ExitCode == 0, shard.Stdout + shard.Stderr));
        Assert.False(Directory.Exists(Path.Combine(root, "lists")));
        Assert.True(File.Exists(Path.Combine(root, ".kinetics-prep", "shard-0-of-2.db")));
        Assert.True(File.Exists(Path.Combine(root, ".kinetics-prep", "shard-1-of-2.db")));

        var finalize = await CliRunner.RunAsync(fixture.Prepare(root, "--finalize"));

        Assert.True(finalize.ExitCode == 0, finalize.Stdout + finalize.Stderr);
        Assert.Equal(PrepareFixture.Result(fixture.Reference), PrepareFixture.Result(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Finalize_refuses_while_a_shard_has_not_finished()
    {
        var root = fixture.NewRoot("half-sharded");
        var shard = await CliRunner.RunAsync(fixture.Prepare(root, "--shard", "0/3"));
        Assert.Equal(0, shard.ExitCode);

        var finalize = await CliRunner.RunAsync(fixture.Prepare(root, "--finalize"));

        Assert.Equal(2, finalize.ExitCode);
        Assert.Contains("not processed by any shard yet", finalize.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Without_annotation_csvs_the_clips_are_still_prepared_and_the_missing_lists_are_explained()
    {
        var mirror = fixture.NewRoot("mirror-without-csvs");
        foreach (var file in Directory.GetFiles(fixture.Mirror, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var target = Path.Combine(mirror, Path.GetRelativePath(fixture.Mirror, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var server = new NginxServer(mirror);
        var root = fixture.NewRoot("no-csvs");

        var result = await CliRunner.RunAsync(PrepareFixture.PrepareFrom(server, root));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("annotations/train.csv: HTTP 404", result.Stderr);
        Assert.Contains("lists not written: ", result.Stderr);
        Assert.Equal(16, Directory.GetFiles(Path.Combine(root, "videos_320p"), "*.mp4", SearchOption.AllDirectories).Length);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_shows_each_stage_per_split_from_the_state_store()
    {
        var status = await CliRunner.RunAsync("status", "--root", fixture.Reference);
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"download\s+train\s+3/3\s+0\s+[0-9.]+ [KM]iB", status.Stdout);
        Assert.Matches(@"resize\s+train\s+3/3\s+0\s+9 clips", status.Stdout);
        Assert.Matches(@"resize\s+replacement\s+1/1", status.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Status_of_a_root_with_no_state_is_an_error()
    {
        var status = await CliRunner.RunAsync("status", "--root", fixture.NewRoot("empty"));
        Assert.Equal(2, status.ExitCode);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_demo_runs_the_whole_pipeline_on_loopback()
    {
        var folder = fixture.NewRoot("demo");
        var demo = await CliRunner.RunAsync("demo", "--dir", folder);
        Assert.True(demo.ExitCode == 0, demo.Stdout + demo.Stderr);
        Assert.Matches(@"train\s+10\s+9\s+1\s+1\s+0", demo.Stdout);
        Assert.Equal(9, File.ReadAllLines(Path.Combine(folder, "k400", "lists", "train.csv")).Length);
    }

    [Fact]
    public void The_peak_disk_estimate_is_the_resized_output_plus_the_archives_in_flight()
    {
        var options = new PrepareOptions(KineticsPrep.Dataset.DatasetCatalog.Find("k400")!, new KineticsPrep.Dataset.DatasetRoot(fixture.NewRoot("estimate")));
        var estimate = DiskEstimate.For([1_000, 4_000], options, freeBytes: 10_000);
        Assert.Equal((long)(5_000 * DiskEstimate.ResizedFraction) + (options.DownloadJobs + 2) * 4_000, estimate.PeakBytes);
        Assert.False(estimate.Fits);
        Assert.True(DiskEstimate.For([1_000, 4_000], options with { KeepArchives = true }, 0).PeakBytes > estimate.PeakBytes);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_disk_too_small_for_the_expected_peak_is_refused_unless_forced()
    {
        // So many archives in flight that no disk can hold them.
        var options = new PrepareOptions(KineticsPrep.Dataset.DatasetCatalog.Find("k400")!, new KineticsPrep.Dataset.DatasetRoot(fixture.NewRoot("tiny-disk")))
        {
            Mirror = new KineticsPrep.Dataset.Mirror(fixture.Nginx.Url),
            DownloadJobs = 100_000_000,
        };
        using var http = new HttpClient();
        PreparePipeline Pipeline(PrepareOptions o) => new(o, new KineticsPrep.Download.FileDownloader(http, o.Download), Media.Tools);

        var refused = await Assert.ThrowsAsync<PrepareRefusedException>(() => Pipeline(options).StartAsync(CancellationToken.None));
        Assert.Contains("--force", refused.Message);

        var forced = await Pipeline(options with { Force = true }).StartAsync(CancellationToken.None);
        Assert.False(forced.Estimate.Fits);
        Assert.Equal(6, forced.Remaining.Count);
    }
}
