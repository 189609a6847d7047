namespace KineticsPrep.Tests;

/// <summary>--classes and --max-per-class, on the overlapping mirrors of the K710 tests.</summary>
[Collection(K710Collection.Name)]
public sealed class SubsetTests(K710Fixture fixture)
{
    [Fact(Timeout = Timeouts.Process)]
    public async Task A_k600_class_subset_downloads_only_its_classes_archives_and_keeps_the_full_map_s_ids()
    {
        await using var server = await FaultServer.StartAsync();
        server.ServeTree(fixture.Mirror, _ => FaultServer.Fault.None);
        var root = fixture.NewRoot("k600-subset");

        var run = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", server.Url, "--classes", "pull ups");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var archives = server.Requests.Where(r => r.Path.EndsWith(".tar.gz", StringComparison.Ordinal)).Select(r => r.Path).Distinct().Order().ToList();
        Assert.Equal(["/600/test/pull ups.tar.gz", "/600/train/pull ups.tar.gz", "/600/val/pull ups.tar.gz"], archives);
        var train = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        Assert.Equal(3, train.Length);
        Assert.All(train, line => Assert.EndsWith(" 2", line)); // "pull ups" is id 2 of the three sorted train labels
        Assert.Equal(["abseiling", "mountain climber (exercise)", "pull ups"], File.ReadAllLines(Path.Combine(root, "lists", "labels.txt")));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_typo_in_classes_is_refused_with_a_suggestion_before_any_request_and_the_right_name_then_prepares_the_root()
    {
        await using var server = await FaultServer.StartAsync();
        server.ServeTree(fixture.Mirror, _ => FaultServer.Fault.None);
        var root = fixture.NewRoot("k400-typo");

        var typo = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", server.Url, "--classes", "abseilng");
        var requestsAfterTypo = server.Requests.Count;
        var rootAfterTypo = Directory.Exists(root);
        var right = await CliRunner.RunAsync("prepare", "k400", "--root", root, "--mirror", server.Url, "--classes", "abseiling");

        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("--classes: 'abseilng' (did you mean 'abseiling'?) is not a class of k400", typo.Stderr);
        Assert.Equal(0, requestsAfterTypo);
        Assert.False(rootAfterTypo);
        Assert.True(right.ExitCode == 0, right.Stdout + right.Stderr);
        var train = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        Assert.NotEmpty(train);
        Assert.All(train, line => Assert.EndsWith(" 0", line)); // abseiling, id 0 of the train labels
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task At_most_n_clips_per_class_are_the_first_by_name_extracted_alone_and_a_root_keeps_its_subset()
    {
        var root = fixture.NewRoot("k400-max");
        string[] prepare = ["prepare", "k400", "--root", root, "--mirror", fixture.Nginx.Url, "--max-per-class", "2"];

        var run = await CliRunner.RunAsync(prepare);
        var other = await CliRunner.RunAsync([.. prepare[..^1], "3"]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        // K400's train CSV: classes take turns over demo0000000–demo0000008, three clips each.
        var expected = new[] { "demo0000000", "demo0000003", "demo0000001", "demo0000004", "demo0000002", "demo0000005" }.Order();
        var train = File.ReadAllLines(Path.Combine(root, "lists", "train.csv"));
        Assert.Equal(expected, train.Select(line => Path.GetFileName(line.Split(' ')[0])[..11]).Order());
        Assert.Equal(6, Directory.GetFiles(Path.Combine(root, "videos_320p", "train")).Length);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("was prepared with --max-per-class 2, and this run asks for --max-per-class 3", other.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Annotate_with_classes_lists_only_them_with_the_full_map_s_ids()
    {
        var run = await CliRunner.RunAsync("annotate", "--root", fixture.Root, "--out", fixture.NewRoot("annotate-subset"),
            "--classes", "abseiling,dyeing hair");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var k710 = KineticsPrep.Dataset.LabelMap.Load("videomaev2-k710").Names.ToList();
        var ids = File.ReadAllLines(Path.Combine(fixture.NewRoot("annotate-subset"), "train.csv")).Select(line => int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(new[] { k710.IndexOf("abseiling"), k710.IndexOf("dyeing hair") }.Order(), ids.Order());
    }
}
