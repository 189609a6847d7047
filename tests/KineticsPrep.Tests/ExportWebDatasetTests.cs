using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using KineticsPrep.Export;

namespace KineticsPrep.Tests;

/// <summary>export webdataset over the prepared reference root, read back as a WebDataset user reads it.</summary>
[Collection(PrepareCollection.Name)]
public sealed class ExportWebDatasetTests(PrepareFixture fixture) : IDisposable
{
    private const long ShardSize = 300 * 1024; // about three of the reference's clips
    private static readonly string[] Splits = ["train", "val", "test"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Out(string name) => _temp.Combine(name);

    private static Task<CliRunner.Result> ExportAsync(string root, string outDir, params string[] extra) =>
        CliRunner.RunAsync(["export", "webdataset", "--root", root, "--out", outDir, "--shard-size", "300KiB", .. extra]);

    /// <summary>Every list line of a split, in list order: (path, label id).</summary>
    private static List<(string Path, int Label)> Listed(string root, string split) =>
        File.ReadAllLines(Path.Combine(root, "lists", split + ".csv"))
            .Select(line => (line[..line.LastIndexOf(' ')], int.Parse(line[(line.LastIndexOf(' ') + 1)..]))).ToList();

    /// <summary>
    /// The shards as Python reads them: tarfile groups members by key (the name up to the first dot), as webdataset does,
    /// and PyAV decodes each clip from its bytes in memory.
    /// </summary>
    private static async Task<List<JsonElement>> ReadWithPythonAsync(string outDir, string split)
    {
        const string script = """
            import av, io, json, sys, tarfile
            folder, split = sys.argv[1], sys.argv[2]
            manifest = json.load(open(f"{folder}/{split}-shards.json"))
            for shard in manifest["shards"]:
                samples = {}
                with tarfile.open(f"{folder}/{shard['name']}") as tar:
                    for member in tar:
                        key, ext = member.name.split(".", 1)
                        samples.setdefault(key, {})[ext] = tar.extractfile(member).read()
                assert len(samples) == shard["samples"], shard
                for key, files in samples.items():
                    assert sorted(files) == ["cls", "json", "mp4"], files.keys()
                    with av.open(io.BytesIO(files["mp4"])) as container:
                        decoded = sum(1 for _ in container.decode(video=0))
                    meta = json.loads(files["json"])
                    print(json.dumps({"shard": shard["name"], "key": key, "cls": int(files["cls"]), "decoded": decoded, "meta": meta}))
            """;
        var result = await CliWrap.Cli.Wrap("/usr/bin/python3").WithArguments(["-c", script, outDir, split])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private static Dictionary<string, byte[]> Shards(string outDir) =>
        Directory.GetFiles(outDir, "*.tar").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact(Timeout = Timeouts.Process)]
    public async Task Shards_hold_every_list_line_once_with_its_label_shuffled_within_size_and_decodable()
    {
        var outDir = Out("wds");
        var run = await ExportAsync(fixture.Reference, outDir);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var labels = File.ReadAllLines(Path.Combine(fixture.Reference, "lists", "labels.txt"));

        foreach (var split in Splits)
        {
            var listed = Listed(fixture.Reference, split);
            var samples = await ReadWithPythonAsync(outDir, split);

            var exported = samples.Select(s => (s.GetProperty("meta").GetProperty("path").GetString()!, s.GetProperty("cls").GetInt32())).ToList();
            Assert.Equal(listed.OrderBy(l => l.Path, StringComparer.Ordinal), exported.OrderBy(e => e.Item1, StringComparer.Ordinal));
            if (listed.Count > 2)
                Assert.NotEqual(listed, exported);
            Assert.All(samples, s =>
            {
                var meta = s.GetProperty("meta");
                Assert.Equal(labels[s.GetProperty("cls").GetInt32()], meta.GetProperty("label").GetString());
                Assert.Equal(split, meta.GetProperty("split").GetString());
                Assert.Equal(Path.GetFileNameWithoutExtension(meta.GetProperty("path").GetString()), s.GetProperty("key").GetString());
                Assert.StartsWith(meta.GetProperty("youtube_id").GetString()!, s.GetProperty("key").GetString()!);
                Assert.True(meta.GetProperty("time_end").GetInt32() > meta.GetProperty("time_start").GetInt32());
                Assert.Equal(meta.GetProperty("frames").GetInt32(), s.GetProperty("decoded").GetInt32());
                Assert.True(s.GetProperty("decoded").GetInt32() > 0);
            });

            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, split + "-shards.json")));
            var shards = manifest.RootElement.GetProperty("shards").EnumerateArray().ToList();
            Assert.Equal(listed.Count, manifest.RootElement.GetProperty("samples").GetInt32());
            Assert.All(shards, shard =>
            {
                var bytes = new FileInfo(Path.Combine(outDir, shard.GetProperty("name").GetString()!)).Length;
                Assert.Equal(shard.GetProperty("bytes").GetInt64(), bytes);
                Assert.True(bytes <= ShardSize || shard.GetProperty("samples").GetInt32() == 1, $"{shard} is over the shard size");
            });
            Assert.Equal(shards.Select(s => s.GetProperty("name").GetString()).Order(), Directory.GetFiles(outDir, split + "-*.tar").Select(Path.GetFileName).Order());
        }
        Assert.True(Directory.GetFiles(outDir, "train-*.tar").Length > 1, "the train split fit one shard: the size limit was not exercised");
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_another_order()
    {
        await ExportAsync(fixture.Reference, Out("a"), "--seed", "7");
        await ExportAsync(fixture.Reference, Out("b"), "--seed", "7");
        await ExportAsync(fixture.Reference, Out("c"), "--seed", "8");

        Assert.Equal(Shards(Out("a")), Shards(Out("b")));
        var keysA = await ReadWithPythonAsync(Out("a"), "train");
        var keysC = await ReadWithPythonAsync(Out("c"), "train");
        Assert.NotEqual(keysA.Select(s => s.GetProperty("key").GetString()), keysC.Select(s => s.GetProperty("key").GetString()));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_rerun_keeps_finished_shards_rewrites_a_missing_one_and_removes_half_written_ones()
    {
        var outDir = Out("resume");
        await ExportAsync(fixture.Reference, outDir);
        var first = Shards(outDir);
        var written = Directory.GetFiles(outDir, "*.tar").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var deleted = Path.Combine(outDir, "train-000001.tar");
        File.Delete(deleted);
        File.WriteAllBytes(Path.Combine(outDir, "train-000002.tar.partial"), new byte[1000]); // as a killed run leaves it
        File.WriteAllBytes(Path.Combine(outDir, "train-000009.tar"), new byte[1000]); // from a run with smaller shards

        var rerun = await ExportAsync(fixture.Reference, outDir);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Contains($"1 shard written, {first.Count - 1} kept", rerun.Stdout);
        Assert.Equal(first, Shards(outDir));
        Assert.Empty(Directory.GetFiles(outDir, "*.partial"));
        Assert.All(written.Where(w => w.Key != deleted), w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_shard_whose_label_names_changed_is_rewritten_even_at_the_same_size()
    {
        var root = fixture.CopyOfReference("relabel");
        var outDir = Out("relabel");
        await ExportAsync(root, outDir, "--splits", "train");
        var before = Shards(outDir);
        var labels = Path.Combine(root, "lists", "labels.txt");
        File.WriteAllLines(labels, File.ReadAllLines(labels).Select(name => name == "abseiling" ? "rappellin" : name));

        var rerun = await ExportAsync(root, outDir, "--splits", "train");

        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(before.Keys, Shards(outDir).Keys);
        var samples = await ReadWithPythonAsync(outDir, "train");
        var renamed = samples.Where(s => s.GetProperty("cls").GetInt32() == 0).ToList();
        Assert.NotEmpty(renamed);
        Assert.All(renamed, s => Assert.Equal("rappellin", s.GetProperty("meta").GetProperty("label").GetString()));
        var changed = renamed.Select(s => s.GetProperty("shard").GetString()).Distinct().Count();
        Assert.Contains($"{changed} shard{(changed == 1 ? "" : "s")} written, {before.Count - changed} kept", rerun.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_cancelled_export_leaves_only_whole_shards_under_their_names()
    {
        var outDir = Out("cancel");
        using var cancel = new CancellationTokenSource();
        var exporter = new WebDatasetExporter(new WebDatasetOptions(fixture.Reference, outDir) { Splits = ["train"], ShardSize = ShardSize });
        var progress = new KineticsPrep.Running.DelegateProgress<KineticsPrep.Running.StageProgress>(p =>
        {
            if (p.Done == 1)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.RunAsync(progress, cancel.Token));

        Assert.Equal(["train-000000.tar"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        var reference = Out("whole");
        await ExportAsync(fixture.Reference, reference, "--splits", "train");
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "train-000000.tar")), File.ReadAllBytes(Path.Combine(outDir, "train-000000.tar")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_listed_clip_that_is_gone_is_reported_and_the_rest_exported()
    {
        var root = fixture.CopyOfReference("gone");
        var gone = Listed(root, "val")[1].Path;
        File.Delete(gone);

        var run = await ExportAsync(root, Out("gone"), "--splits", "val");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"val: {gone}: clip not found", run.Stderr);
        Assert.Equal(Listed(root, "val").Count - 1, (await ReadWithPythonAsync(Out("gone"), "val")).Count);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_split_without_a_list_is_refused_before_anything_is_written()
    {
        var run = await ExportAsync(fixture.Reference, Out("nolist"), "--splits", "train,holdout_test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no list for 'holdout_test'; it has train, val, test", run.Stderr);
        Assert.False(Directory.Exists(Out("nolist")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_listed_twice_becomes_two_samples_with_their_own_keys()
    {
        var root = fixture.CopyOfReference("twice");
        var lists = Path.Combine(root, "lists");
        var val = File.ReadAllLines(Path.Combine(lists, "val.csv"));
        File.WriteAllLines(Path.Combine(lists, "val.csv"), [.. val, val[0]]);
        var index = File.ReadAllLines(Path.Combine(lists, "index.csv"));
        File.WriteAllLines(Path.Combine(lists, "index.csv"), [.. index, index.First(row => row.StartsWith(val[0][..val[0].LastIndexOf(' ')] + ",val,", StringComparison.Ordinal))]);

        var run = await ExportAsync(root, Out("twice"), "--splits", "val");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var samples = await ReadWithPythonAsync(Out("twice"), "val");
        var name = Path.GetFileNameWithoutExtension(val[0][..val[0].LastIndexOf(' ')]);
        Assert.Equal([name, name + "_1"], samples.Select(s => s.GetProperty("key").GetString()).Where(k => k!.StartsWith(name, StringComparison.Ordinal)).Order());
        Assert.Equal(val.Length + 1, samples.Count);
        Assert.All(samples, s => Assert.True(s.GetProperty("meta").TryGetProperty("frames", out _)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Relative_list_paths_that_are_not_under_the_root_say_where_they_were_looked_for()
    {
        var root = fixture.CopyOfReference("relative");
        var val = Path.Combine(root, "lists", "val.csv");
        File.WriteAllText(val, File.ReadAllText(val).Replace(Path.Combine(root, "videos_320p") + "/", ""));

        var run = await ExportAsync(root, Out("relative"), "--splits", "val");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($": clip not found at {Path.Combine(root, "val")}/", run.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_larger_than_the_shard_size_gets_a_shard_of_its_own()
    {
        var run = await CliRunner.RunAsync(["export", "webdataset", "--root", fixture.Reference, "--out", Out("tiny"), "--shard-size", "4KiB", "--splits", "val"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("tiny"), "val-shards.json")));
        Assert.All(manifest.RootElement.GetProperty("shards").EnumerateArray(), s => Assert.Equal(1, s.GetProperty("samples").GetInt32()));
        Assert.Equal(Listed(fixture.Reference, "val").Count, manifest.RootElement.GetProperty("shards").GetArrayLength());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("1KiB")]
    [InlineData("-5")]
    public async Task A_shard_size_that_is_no_size_is_a_usage_error(string size)
    {
        var run = await CliRunner.RunAsync(["export", "webdataset", "--root", fixture.Reference, "--out", Out("bad"), "--shard-size", size]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--shard-size", run.Stderr);
        Assert.False(Directory.Exists(Out("bad")));
    }
}
