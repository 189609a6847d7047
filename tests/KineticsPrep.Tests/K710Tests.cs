using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

[Collection(K710Collection.Name)]
public sealed class K710Tests(K710Fixture fixture)
{
    private static readonly string[] Annotations = ["400/annotations/train.csv", "400/annotations/val.csv", "600/annotations/train.txt",
        "600/annotations/val.txt", "700_2020/annotations/train.csv", "700_2020/annotations/val.csv"];

    /// <summary>The YouTube ids of one of the mirror's annotation files, read here without the tool's reader.</summary>
    private HashSet<string> Ids(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(fixture.Mirror, file));
        var column = Array.IndexOf(lines[0].Split(','), "youtube_id");
        return lines.Skip(1).Select(line => line.Split(',')[column]).ToHashSet();
    }

    /// <summary>Path, label id and YouTube id of each line of a K710 list (videomae format: "PATH ID").</summary>
    private List<(string Path, int Label, string Id)> List(string split) =>
        File.ReadAllLines(Path.Combine(fixture.Root, "lists", $"{split}.csv"))
            .Select(line => line.Split(' '))
            .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), Path.GetFileNameWithoutExtension(p[0])[..11]))
            .ToList();

    /// <summary>Every list file of a root, with the root's path taken out.</summary>
    private static SortedDictionary<string, string> Lists(string root) =>
        new(Directory.GetFiles(Path.Combine(root, "lists")).ToDictionary(f => Path.GetFileName(f), f => PrepareFixture.ListFile(f, root)),
            StringComparer.Ordinal);

    private string CopyOfRoot(string name)
    {
        var copy = fixture.NewRoot(name);
        TempFolder.CopyTree(fixture.Root, copy);
        PrepareFixture.MoveLists(Path.Combine(copy, "lists"), fixture.Root, copy);
        return copy;
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_second_prepare_k710_has_nothing_to_do_and_status_and_annotate_read_the_root()
    {
        var root = CopyOfRoot("rerun");

        var rerun = await CliRunner.RunAsync("prepare", "k710", "--root", root, "--mirror", fixture.Nginx.Url);
        var status = await CliRunner.RunAsync("status", "--root", root);
        File.Delete(Path.Combine(root, "lists", "train.csv"));
        var annotate = await CliRunner.RunAsync("annotate", "--root", root);

        Assert.True(rerun.ExitCode == 0, rerun.Stdout + rerun.Stderr);
        Assert.Matches(@"k400: The root is complete: all \d+ archives processed, no clip to make again\.\nprepare[^\n]*\nk600: The root is complete", rerun.Stdout);
        Assert.Equal(0, status.ExitCode);
        Assert.True(annotate.ExitCode == 0, annotate.Stdout + annotate.Stderr);
        Assert.Equal(Lists(fixture.Root), Lists(root));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Two_shards_and_finalize_give_the_lists_of_one_run()
    {
        var root = fixture.NewRoot("shards");
        string[] prepare = ["prepare", "k710", "--root", root, "--mirror", fixture.Nginx.Url];

        var shards = await Task.WhenAll(CliRunner.RunAsync([.. prepare, "--shard", "0/2"]), CliRunner.RunAsync([.. prepare, "--shard", "1/2"]));
        var finalize = await CliRunner.RunAsync([.. prepare, "--finalize"]);

        Assert.All(shards, s => Assert.True(s.ExitCode == 0, s.Stdout + s.Stderr));
        Assert.True(finalize.ExitCode == 0, finalize.Stdout + finalize.Stderr);
        var one = Lists(fixture.Root);
        one.Remove("summary.json");
        var sharded = Lists(root);
        sharded.Remove("summary.json");
        Assert.Equal(one, sharded);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Download_k710_puts_each_release_s_train_and_val_in_folders_of_its_own()
    {
        var root = fixture.NewRoot("download");

        var run = await CliRunner.RunAsync("download", "k710", "--root", root, "--mirror", fixture.Nginx.Url);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True(File.Exists(Path.Combine(root, "archives", "k400", "train", "part_0.tar.gz")));
        Assert.True(File.Exists(Path.Combine(root, "archives", "k600", "val", "pull ups.tar.gz")));
        Assert.True(File.Exists(Path.Combine(root, "archives", "k700-2020", "train", "k700_train_001.tar.gz")));
        Assert.True(File.Exists(Path.Combine(root, "annotations", "k600", "val.csv")));
        Assert.False(Directory.Exists(Path.Combine(root, "archives", "k400", "test")));
    }

    /// <summary>The line of the overlap table for two splits: "  k400:val  4  k600:train  10  3 …".</summary>
    private string OverlapLine(string a, string fileA, string b, string fileB)
    {
        var (idsA, idsB) = (Ids(fileA), Ids(fileB));
        return $"  {a,-15} {idsA.Count,7} {b,-15} {idsB.Count,7} {idsA.Count(idsB.Contains),7} ";
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_overlap_of_a_k710_root_counts_the_ids_every_pair_of_splits_shares_as_the_csvs_do()
    {
        var run = await CliRunner.RunAsync("overlap", "--root", fixture.Root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(15, run.Stdout.Split('\n').Count(line => line.StartsWith("  k", StringComparison.Ordinal))); // 6 splits, 15 pairs
        Assert.Contains(OverlapLine("k400:val", Annotations[1], "k600:train", Annotations[2]), run.Stdout);
        Assert.Contains(OverlapLine("k600:val", Annotations[3], "k700-2020:train", Annotations[4]), run.Stdout);
        Assert.Contains(OverlapLine("k400:train", Annotations[0], "k400:val", Annotations[1]), run.Stdout);
        Assert.All(run.Stdout.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Overlap_with_names_other_releases_splits_and_fetches_their_annotation_files()
    {
        var root = fixture.NewRoot("overlap-with");
        Directory.CreateDirectory(root);

        var run = await CliRunner.RunAsync("overlap", "--root", root, "--with", "k400:val,k700-2020:train", "--mirror", fixture.Nginx.Url);
        var one = await CliRunner.RunAsync("overlap", "--root", Directory.CreateDirectory(fixture.NewRoot("overlap-one")).FullName, "--with", "k400:val",
            "--mirror", fixture.Nginx.Url);
        var bad = await CliRunner.RunAsync("overlap", "--root", root, "--with", "k400:dev");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains(OverlapLine("k400:val", Annotations[1], "k700-2020:train", Annotations[4]), run.Stdout);
        Assert.True(File.Exists(Path.Combine(root, "annotations", "k700-2020", "train.csv")));
        Assert.Equal(2, one.ExitCode);
        Assert.Contains("nothing to compare", one.Stderr);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'k400:dev' is not RELEASE:SPLIT", bad.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_report_of_a_k710_root_has_the_overlap_section()
    {
        var root = CopyOfRoot("report");

        var run = await CliRunner.RunAsync("report", "--root", root);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var html = File.ReadAllText(Path.Combine(root, "report.html"));
        Assert.Contains("<table id=\"overlap\">", html);
        var shared = Ids(Annotations[1]).Count(Ids(Annotations[2]).Contains);
        Assert.Contains($"<tr><td>k400:val</td><td>{Ids(Annotations[1]).Count}</td><td style=\"text-align:left\">k600:train</td><td>{Ids(Annotations[2]).Count}</td><td class=\"weak\">{shared}</td>", html);
        Assert.Contains("\"overlap\": [", File.ReadAllText(Path.Combine(root, "report.json")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Excluding_the_overlap_with_k400_val_leaves_those_clips_out_of_k600_unresized_and_names_them()
    {
        var root = fixture.NewRoot("exclude");
        var k400Val = Ids(Annotations[1]);
        var shared = Ids(Annotations[2]).Where(k400Val.Contains).Order().ToList();

        var run = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", fixture.Nginx.Url, "--exclude-overlap-with", "k400:val");
        var train = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        var excluded = File.ReadAllLines(Path.Combine(root, "lists", "excluded_train.txt"));
        File.Delete(Path.Combine(root, "lists", "train.csv"));
        var annotate = await CliRunner.RunAsync("annotate", "--root", root, "--exclude-overlap-with", "k400:val");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(3, shared.Count);
        Assert.Equal(shared, excluded.Select(clip => clip[..11]).Order());
        Assert.DoesNotContain(train, line => shared.Any(id => line.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(root, "videos_320p"), "*.mp4", SearchOption.AllDirectories),
            f => shared.Any(id => Path.GetFileName(f).StartsWith(id, StringComparison.Ordinal)));
        // val: the missing row "gonevalxxxx" that both releases have.
        Assert.Contains("Left out by --exclude-overlap-with: train 3, val 1, test 0", run.Stdout);
        Assert.True(File.Exists(Path.Combine(root, "annotations", "k400", "val.csv")));
        Assert.True(annotate.ExitCode == 0, annotate.Stdout + annotate.Stderr);
        Assert.Equal(train, File.ReadAllLines(Path.Combine(root, "lists", "train.csv")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_root_keeps_what_exclude_overlap_with_left_out_a_plain_rerun_leaves_it_out_and_other_splits_are_refused()
    {
        var root = fixture.NewRoot("exclude-kept");
        var first = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", fixture.Nginx.Url, "--exclude-overlap-with", "k400:val");
        var lists = Directory.GetFiles(Path.Combine(root, "lists"), "*.csv").Order().Select(File.ReadAllText).ToList();

        var plain = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", fixture.Nginx.Url);
        var other = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", fixture.Nginx.Url, "--exclude-overlap-with", "k400:train");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(plain.ExitCode == 0, plain.Stdout + plain.Stderr);
        Assert.Contains("Left out by --exclude-overlap-with: train 3, val 1, test 0", plain.Stdout);
        Assert.Equal(lists, Directory.GetFiles(Path.Combine(root, "lists"), "*.csv").Order().Select(File.ReadAllText));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains($"{root} was prepared with --exclude-overlap-with k400:val, and this run asks for --exclude-overlap-with k400:train", other.Stderr);
    }

    [Fact]
    public void Prepare_k710_succeeds_and_says_the_recipe_s_numbers()
    {
        Assert.True(fixture.Run.ExitCode == 0, fixture.Run.Stdout + fixture.Run.Stderr);
        var train = Annotations.Where(a => a.Contains("train", StringComparison.Ordinal)).SelectMany(Ids).ToHashSet();
        var val = Annotations.Where(a => a.Contains("val", StringComparison.Ordinal)).SelectMany(Ids).ToHashSet();
        var trainRows = Annotations.Where(a => a.Contains("train", StringComparison.Ordinal)).Sum(a => File.ReadLines(Path.Combine(fixture.Mirror, a)).Count() - 1);
        var valRows = Annotations.Where(a => a.Contains("val", StringComparison.Ordinal)).Sum(a => File.ReadLines(Path.Combine(fixture.Mirror, a)).Count() - 1);

        Assert.Contains($"Kinetics-710 from k400, k600, k700-2020: {trainRows} train and {valRows} val rows; {train.Count} and {val.Count} YouTube ids; " +
                        $"{val.Count(train.Contains)} val ids also in train left out: {train.Count} train and {val.Count(id => !train.Contains(id))} val clips",
            fixture.Run.Stdout);
        Assert.True(val.Any(train.Contains) && trainRows > train.Count, "the mirrors should overlap");
    }

    [Fact]
    public void The_lists_hold_each_youtube_id_once_and_no_val_id_is_in_train()
    {
        var train = List("train");
        var val = List("val");

        Assert.Equal(train.Count, train.Select(c => c.Id).Distinct().Count());
        Assert.Equal(val.Count, val.Select(c => c.Id).Distinct().Count());
        Assert.Empty(val.Select(c => c.Id).Intersect(train.Select(c => c.Id)));
        var trainIds = Annotations.Where(a => a.Contains("train", StringComparison.Ordinal)).SelectMany(Ids).Where(id => id.StartsWith("demo", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(trainIds.Order(), train.Select(c => c.Id).Order());
    }

    [Fact]
    public void Ids_come_from_the_k710_map_with_renamed_classes_merged()
    {
        var k710 = LabelMap.Load("videomaev2-k710").Names.ToList();
        var train = List("train");

        Assert.Equal(k710, File.ReadAllLines(Path.Combine(fixture.Root, "lists", "labels.txt")));
        // demo0000002 is K400's "dying hair", demo0000020 K700's own "dyeing hair": one class in K710.
        Assert.Equal(k710.IndexOf("dyeing hair"), train.Single(c => c.Id == "demo0000002").Label);
        Assert.Equal(k710.IndexOf("dyeing hair"), train.Single(c => c.Id == "demo0000020").Label);
        Assert.Equal(k710.IndexOf("abseiling"), train.Single(c => c.Id == "demo0000000").Label);
    }

    [Fact]
    public void Every_clip_is_resized_once_and_a_clip_shared_at_other_times_keeps_the_first_release_s_range()
    {
        // The clips each archive handed to resize, as the store recorded them.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(fixture.Root, ".kinetics-prep", "state.db")};Mode=ReadOnly");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT SUM(clips) FROM processed";
        var resizeJobs = Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var made = Directory.GetFiles(Path.Combine(fixture.Root, "videos_320p"), "*.mp4", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/replacement/", StringComparison.Ordinal)).ToList();

        Assert.Equal(List("train").Count + List("val").Count, made.Count);
        Assert.Equal(made.Count + 1, resizeJobs); // and K400's replacement clip
        // demo0000013: K600's train clip is cut at 60–70 s, K700's at 61–71 s; K600's is kept, K700's recorded.
        var recipe = File.ReadAllText(Path.Combine(fixture.Root, "lists", "k710_recipe.json"));
        Assert.Contains("\"kept_clip\": \"demo0000013_000060_000070\"", recipe);
        Assert.Contains("\"other_clip\": \"demo0000013_000061_000071\"", recipe);
        Assert.Contains(made, f => Path.GetFileName(f) == "demo0000013_000060_000070.mp4");
        Assert.DoesNotContain(made, f => Path.GetFileName(f).StartsWith("demo0000013_000061", StringComparison.Ordinal));
    }

    /// <summary>A copy of the fixture's mirror whose K400 train archive part_2 lacks one clip, which K600's train archives hold too.</summary>
    private static void DropFromArchive(string archive, string clip)
    {
        var kept = archive + ".new";
        using (var input = new System.IO.Compression.GZipStream(File.OpenRead(archive), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new System.Formats.Tar.TarReader(input))
        using (var output = new System.IO.Compression.GZipStream(File.Create(kept), System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new System.Formats.Tar.TarWriter(output))
        {
            var dropped = 0;
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name.Contains(clip, StringComparison.Ordinal))
                    dropped++;
                else
                    writer.WriteEntry(entry);
            }
            Assert.Equal(1, dropped);
        }
        File.Move(kept, archive, overwrite: true);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_that_k400_s_archives_lack_is_taken_from_k600_s_and_the_manifest_says_so()
    {
        // demo0000007 is a K400 train row, kept from K400 by the recipe, and a K600 train row with the same time span.
        using var mirror = new TempFolder();
        TempFolder.CopyTree(fixture.Mirror, mirror.Path);
        DropFromArchive(Directory.GetFiles(Path.Combine(mirror.Path), "part_2.tar.gz", SearchOption.AllDirectories).Single(f => f.Contains("/400/", StringComparison.Ordinal)),
            "demo0000007");
        using var nginx = new NginxServer(mirror.Path);
        var root = fixture.NewRoot("k600-fallback");

        var run = await CliRunner.RunAsync("prepare", "k710", "--root", root, "--mirror", nginx.Url);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var listed = File.ReadAllLines(Path.Combine(root, "lists", "train.csv")).Where(line => line.Contains("demo0000007", StringComparison.Ordinal)).ToList();
        Assert.Single(listed);
        Assert.Equal(File.ReadAllLines(Path.Combine(fixture.Root, "lists", "train.csv")).Single(line => line.Contains("demo0000007", StringComparison.Ordinal))
            .Replace(fixture.Root, root, StringComparison.Ordinal), listed[0]);
        var manifest = PrepareFixture.ListFile(Path.Combine(root, "lists", "manifest.csv.gz"), root).Split('\n');
        var row = manifest.Single(line => line.StartsWith("demo0000007,", StringComparison.Ordinal));
        Assert.Contains("archives/k600/train/", row);
        Assert.Contains(",present,", row);
    }
}
