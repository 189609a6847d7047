using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace KineticsPrep.Tests;

/// <summary>export rawframes on copies of the prepare fixture's reference root, read back as mmaction2 reads them.</summary>
[Collection(PrepareCollection.Name)]
public sealed class ExportRawframesTests(PrepareFixture fixture) : IDisposable
{
    private static readonly string[] Splits = ["train", "val", "test"];
    private readonly TempFolder _bin = new();

    public void Dispose() => _bin.Dispose();

    /// <summary>
    /// Each line of a rawframe list as mmaction2's RawframeDataset.load_data_list parses it (mmaction/datasets/
    /// rawframe_dataset.py: split on whitespace; frame_dir, total_frames, then the labels, one without multi_class),
    /// then each of its frames as the loader opens it (filename_tmpl img_{:05}.jpg, start_index 1) decoded with PyAV.
    /// Prints per line: frame_dir, total_frames, label, the JPEGs in the folder, the frames decoded, and the first one's size.
    /// </summary>
    private static async Task<IReadOnlyList<JsonElement>> ReadAsMmaction2Async(string list)
    {
        const string script = """
            import json, os, os.path as osp, sys
            import av
            data_prefix = {'img': ''}
            for line in open(sys.argv[1]):
                line_split = line.strip().split()
                idx = 0
                frame_dir = line_split[idx]
                if data_prefix['img'] is not None:
                    frame_dir = osp.join(data_prefix['img'], frame_dir)
                idx += 1
                total_frames = int(line_split[idx])
                idx += 1
                label = [int(x) for x in line_split[idx:]]
                assert len(label) == 1
                decoded, size = 0, None
                for i in range(1, total_frames + 1):
                    with av.open(osp.join(frame_dir, 'img_{:05}.jpg'.format(i))) as image:
                        frame = next(image.decode(video=0))
                        size = size or [frame.width, frame.height]
                        decoded += 1
                files = len([f for f in os.listdir(frame_dir) if f.endswith('.jpg')])
                print(json.dumps({'frame_dir': frame_dir, 'total_frames': total_frames, 'label': label[0], 'files': files, 'decoded': decoded, 'size': size}))
            """;
        var result = await CliWrap.Cli.Wrap("/usr/bin/python3").WithArguments(["-c", script, list]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static string List(string root, string split) => Path.Combine(root, "lists", $"{split}_rawframes.txt");

    /// <summary>Every file under ROOT/rawframes by its path there, with its SHA-256, and the lists with the root's path taken out.</summary>
    private static SortedDictionary<string, string> Frames(string root)
    {
        var folder = Path.Combine(root, "rawframes");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, file)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        foreach (var split in Splits)
            files[$"list {split}"] = File.ReadAllText(List(root, split)).Replace(root, "ROOT", StringComparison.Ordinal);
        return files;
    }

    private async Task<SortedDictionary<string, string>> CleanExportAsync(string name)
    {
        var root = fixture.CopyOfReference(name);
        var run = await CliRunner.RunAsync("export", "rawframes", "--root", root);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return Frames(root);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Every_listed_clip_gets_as_many_jpegs_as_it_decodes_and_the_lists_read_as_mmaction2_reads_them()
    {
        var root = fixture.CopyOfReference("rawframes");

        var run = await CliRunner.RunAsync("export", "rawframes", "--root", root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Estimated before starting: ", run.Stdout);
        foreach (var split in Splits)
        {
            var videos = PrepareFixture.ListFile(Path.Combine(root, "lists", $"{split}.csv"), root).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ')).Select(f => (Video: f[0].Replace("ROOT", root, StringComparison.Ordinal), Label: int.Parse(f[1], CultureInfo.InvariantCulture))).ToList();
            var lines = await ReadAsMmaction2Async(List(root, split));

            Assert.Equal(videos.Count, lines.Count);
            foreach (var ((video, label), line) in videos.Zip(lines))
            {
                Assert.Equal(Path.Combine(root, "rawframes", split, Path.GetFileNameWithoutExtension(video)), line.GetProperty("frame_dir").GetString());
                Assert.Equal(label, line.GetProperty("label").GetInt32());
                var decodedFromVideo = Media.Inspect(video).Frames;
                Assert.Equal(decodedFromVideo, line.GetProperty("total_frames").GetInt32());
                Assert.Equal(decodedFromVideo, line.GetProperty("files").GetInt32());
                Assert.Equal(decodedFromVideo, line.GetProperty("decoded").GetInt32());
            }
        }
        Assert.Empty(Directory.GetDirectories(Path.Combine(root, "rawframes"), ".*", SearchOption.AllDirectories));

        var rerun = await CliRunner.RunAsync("export", "rawframes", "--root", root);
        var status = await CliRunner.RunAsync("status", "--root", root);

        Assert.Contains("0 clips written, 15 kept", rerun.Stdout);
        Assert.Contains($"Rawframes: 15 clips, 225 frames (", status.Stdout);
    }

    /// <summary>
    /// A variable-frame-rate clip (every fifth frame of 25 fps dropped, timestamps kept) cut with stream copy, so its
    /// edit list hides the samples before the cut: the file stores more frames than it shows.
    /// </summary>
    private async Task<string> VariableRateCutAsync()
    {
        var whole = Path.Combine(_bin.Path, "vfr-whole.mp4");
        var cut = Path.Combine(_bin.Path, "vfr-cut.mp4");
        await CliWrap.Cli.Wrap(Media.Tools.FFmpegPath).WithArguments([
                "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6",
                "-vf", "select='not(eq(mod(n\\,5)\\,4))'", "-fps_mode", "passthrough",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "file:" + whole])
            .ExecuteBufferedAsync();
        await CliWrap.Cli.Wrap(Media.Tools.FFmpegPath).WithArguments(["-nostdin", "-v", "error", "-y", "-ss", "1.3", "-i", "file:" + whole, "-c", "copy", "-t", "3", "file:" + cut])
            .ExecuteBufferedAsync();
        return cut;
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_replaced_by_hand_with_a_variable_frame_rate_one_gets_the_frames_on_disk_as_total_frames_not_the_index_count()
    {
        var root = fixture.CopyOfReference("rawframes-vfr");
        var listed = PrepareFixture.ListFile(Path.Combine(root, "lists", "val.csv"), root).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split(' ')[0]
            .Replace("ROOT", root, StringComparison.Ordinal);
        File.Copy(await VariableRateCutAsync(), listed, overwrite: true);
        var indexFrames = File.ReadAllLines(Path.Combine(root, "lists", "index.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "val" && Path.Combine(root, f[0]) == listed).Select(f => int.Parse(f[3], CultureInfo.InvariantCulture)).Single();

        var run = await CliRunner.RunAsync("export", "rawframes", "--root", root, "--splits", "val");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var line = (await ReadAsMmaction2Async(List(root, "val"))).Single(l => l.GetProperty("frame_dir").GetString() == Path.Combine(root, "rawframes", "val", Path.GetFileNameWithoutExtension(listed)));
        var onDisk = line.GetProperty("files").GetInt32();
        Assert.Equal(Media.Inspect(listed).Frames, onDisk);
        Assert.Equal(onDisk, line.GetProperty("total_frames").GetInt32());
        Assert.Equal(onDisk, line.GetProperty("decoded").GetInt32());
        Assert.NotEqual(indexFrames, onDisk); // the case this test is for: lists/index.csv still describes the clip replaced
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_root_whose_path_holds_a_space_is_refused_before_any_frame_is_written()
    {
        var root = fixture.CopyOfReference("raw frames");

        var run = await CliRunner.RunAsync("export", "rawframes", "--root", root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the loaders split their lines on whitespace, which this path holds", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, "rawframes")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Fps_and_short_side_give_frames_at_that_rate_and_size_and_other_settings_are_refused_until_overwrite()
    {
        var root = fixture.CopyOfReference("rawframes-fps");
        var index = File.ReadAllLines(Path.Combine(root, "lists", "index.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[1] == "val")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f[0]), f => (
                Frames: int.Parse(f[3], CultureInfo.InvariantCulture), Duration: double.Parse(f[5], CultureInfo.InvariantCulture),
                Width: int.Parse(f[6], CultureInfo.InvariantCulture), Height: int.Parse(f[7], CultureInfo.InvariantCulture)));

        var run = await CliRunner.RunAsync("export", "rawframes", "--root", root, "--fps", "30", "--short-side", "64", "--splits", "val");
        var at30 = await ReadAsMmaction2Async(List(root, "val"));
        var other = await CliRunner.RunAsync("export", "rawframes", "--root", root, "--splits", "val");
        var overwrite = await CliRunner.RunAsync("export", "rawframes", "--root", root, "--splits", "val", "--overwrite");
        var asVideo = await ReadAsMmaction2Async(List(root, "val"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(index.Count, at30.Count);
        Assert.All(at30, line =>
        {
            var clip = index[Path.GetFileName(line.GetProperty("frame_dir").GetString()!)];
            Assert.InRange(line.GetProperty("total_frames").GetInt32(), (int)Math.Round(clip.Duration * 30) - 1, (int)Math.Round(clip.Duration * 30) + 1);
            Assert.True(clip.Frames * 3 / 2 < line.GetProperty("total_frames").GetInt32(), "the video was already at about 30 fps");
            var size = line.GetProperty("size").EnumerateArray().Select(v => v.GetInt32()).ToList();
            Assert.Equal(64, size.Min());
            Assert.InRange(size.Max(), 64.0 * Math.Max(clip.Width, clip.Height) / Math.Min(clip.Width, clip.Height) - 1, 64.0 * Math.Max(clip.Width, clip.Height) / Math.Min(clip.Width, clip.Height) + 1);
        });
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("was made with --fps 30, and this run asks for no --fps", other.Stderr);
        Assert.True(overwrite.ExitCode == 0, overwrite.Stdout + overwrite.Stderr);
        Assert.Contains("3 clips written, 0 kept", overwrite.Stdout);
        Assert.All(asVideo, line => Assert.Equal(index[Path.GetFileName(line.GetProperty("frame_dir").GetString()!)].Frames, line.GetProperty("total_frames").GetInt32()));
    }

    /// <summary>An ffmpeg that takes a minute over the frames of <paramref name="clip"/>, so that a run can be killed while at it.</summary>
    private string FFmpegSlowOn(string clip) =>
        _bin.Script("ffmpeg", $$"""
            #!/bin/sh
            case "$*" in
              *{{clip}}*img_%05d.jpg*) sleep 60;;
            esac
            exec '{{Media.Tools.FFmpegPath}}' "$@"
            """);

    private static string[] Partials(string root) =>
        Directory.Exists(Path.Combine(root, "rawframes")) ? Directory.GetDirectories(Path.Combine(root, "rawframes"), ".*.partial", SearchOption.AllDirectories) : [];

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_run_killed_midway_then_run_again_writes_the_same_frames_and_lists_as_an_uninterrupted_run()
    {
        var root = fixture.CopyOfReference("rawframes-killed");
        var slow = Directory.GetFiles(Path.Combine(root, "videos_320p", "val")).Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).First()!;
        var environment = new Dictionary<string, string> { ["KINETICS_PREP_FFMPEG"] = FFmpegSlowOn(slow) };
        // Two clips done: the first one's record is in (the second started after it).
        int Finished() => Directory.Exists(Path.Combine(root, "rawframes"))
            ? Directory.GetDirectories(Path.Combine(root, "rawframes"), "demo*", SearchOption.AllDirectories).Length : 0;

        using (var process = CliRunner.Start(environment, "export", "rawframes", "--root", root, "--workers", "2"))
        {
            Assert.True(await CliRunner.WaitUntilAsync(() => Partials(root).Length >= 1 && Finished() >= 2, process),
                "the run ended before it could be killed midway");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.NotEmpty(Partials(root));
        Assert.False(File.Exists(List(root, "val")));

        var rerun = await CliRunner.RunAsync("export", "rawframes", "--root", root);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Matches("[1-9][0-9]* kept", rerun.Stdout);
        Assert.Empty(Partials(root));
        Assert.Equal(await CleanExportAsync("rawframes-uninterrupted"), Frames(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_whose_last_frame_was_deleted_by_hand_is_written_again_by_the_rerun()
    {
        var root = fixture.CopyOfReference("rawframes-deleted");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "rawframes", "--root", root)).ExitCode);
        var clip = Directory.GetDirectories(Path.Combine(root, "rawframes", "train")).Order(StringComparer.Ordinal).First();
        File.Delete(Directory.GetFiles(clip).Order(StringComparer.Ordinal).Last());

        var rerun = await CliRunner.RunAsync("export", "rawframes", "--root", root);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Contains("1 clip written, 14 kept", rerun.Stdout);
        Assert.Equal(await CleanExportAsync("rawframes-whole"), Frames(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Frames_that_will_not_fit_are_refused_before_any_is_written_and_forced_they_stop_plainly_at_a_full_disk_then_finish()
    {
        var root = fixture.CopyOfReference("rawframes-full");
        using var disk = new SmallDisk(Path.Combine(root, "rawframes"), 256);

        var refused = await CliRunner.RunAsync("export", "rawframes", "--root", root);
        var forced = await CliRunner.RunAsync("export", "rawframes", "--root", root, "--force");

        Assert.True(refused.ExitCode == 2, refused.Stdout + refused.Stderr);
        Assert.Contains("kinetics-prep: the frames would not fit: 15 clips make about 225 frames", refused.Stderr);
        Assert.Contains("add --force to start anyway", refused.Stderr);
        Assert.True(forced.ExitCode == 2, forced.Stdout + forced.Stderr);
        Assert.Contains($"kinetics-prep: the disk is full under {Path.Combine(root, "rawframes")}", forced.Stderr);
        Assert.DoesNotContain("   at ", forced.Stderr);
        Assert.Empty(Partials(root));
        Assert.All(Directory.GetDirectories(Path.Combine(root, "rawframes"), "*", SearchOption.AllDirectories).Where(d => Path.GetFileName(d).StartsWith("demo", StringComparison.Ordinal)),
            clip => Assert.Equal(15, Directory.GetFiles(clip).Length));

        disk.Grow(64 * 1024);
        var rerun = await CliRunner.RunAsync("export", "rawframes", "--root", root);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Equal(await CleanExportAsync("rawframes-roomy"), Frames(root));
    }
}
