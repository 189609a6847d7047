using KineticsPrep.Dataset;
using KineticsPrep.Demo;

namespace KineticsPrep.Tests;

/// <summary>K600 and K700-2020 mirrors in the CVDF's real layout (see <see cref="SyntheticMirror"/>), served by nginx.</summary>
public sealed class ReleaseMirrorsFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new();

    public async Task InitializeAsync()
    {
        foreach (var release in new[] { "k600", "k700-2020" })
        {
            var folder = _temp.Combine("mirror-" + release);
            await SyntheticMirror.BuildAsync(folder, Media.Tools, new SyntheticMirror.Layout(release, TrainArchives: 2, ClipSeconds: 1), CancellationToken.None);
            Mirrors[release] = (folder, new NginxServer(folder));
        }
    }

    public Dictionary<string, (string Folder, NginxServer Nginx)> Mirrors { get; } = new();

    public string NewRoot(string name) => _temp.Combine("roots", name);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var (_, nginx) in Mirrors.Values)
            nginx.Dispose();
        _temp.Dispose();
    }
}

public sealed class ReleaseLayoutTests(ReleaseMirrorsFixture fixture) : IClassFixture<ReleaseMirrorsFixture>
{
    [Theory(Timeout = Timeouts.Process)]
    [InlineData("k600", true)]
    [InlineData("k600", false)]
    [InlineData("k700-2020", true)]
    [InlineData("k700-2020", false)]
    public async Task Prepare_gives_complete_correct_lists_for_every_split_of_a_mirror_in_the_real_layout(string release, bool overHttp)
    {
        var (folder, nginx) = fixture.Mirrors[release];
        var version = DatasetCatalog.Find(release)!;
        var root = fixture.NewRoot($"{release}-{(overHttp ? "http" : "folder")}");
        var splits = version.Splits;

        var run = await CliRunner.RunAsync("prepare", release, "--root", root, "--mirror", overHttp ? nginx.Url : folder, "--splits", string.Join(',', splits));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var annotations = Path.Combine(folder, version.BaseUrl[(DatasetCatalog.CvdfPrefix.Length + 1)..], "annotations");
        var labels = Rows(Path.Combine(annotations, version.Split("train").AnnotationFile)).Select(r => r.Label!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(labels, File.ReadAllLines(Path.Combine(root, "lists", "labels.txt")));
        foreach (var split in splits)
        {
            // Every clip that the split's annotation file names and an archive holds, with its class's id (-1 unlabelled).
            var expected = Rows(Path.Combine(annotations, version.Split(split).AnnotationFile))
                .Where(r => r.Id.StartsWith("demo", StringComparison.Ordinal))
                .Select(r => $"{root}/videos_320p/{split}/{r.Id}_{r.Start:000000}_{r.End:000000}.mp4 {(r.Label is null ? -1 : labels.IndexOf(r.Label))}");
            Assert.Equal(expected, File.ReadAllLines(Path.Combine(root, "lists", split + ".csv")));
        }
        Assert.Equal(release == "k600" ? 27 : 12, Directory.GetFiles(Path.Combine(root, "videos_320p"), "*.mp4", SearchOption.AllDirectories).Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "videos_320p"), "._*", SearchOption.AllDirectories));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task K600s_holdout_test_is_a_split_of_its_own_with_every_clip_missing()
    {
        var (folder, _) = fixture.Mirrors["k600"];
        var root = fixture.NewRoot("k600-holdout");

        var run = await CliRunner.RunAsync("prepare", "k600", "--root", root, "--mirror", folder, "--splits", "val,holdout_test");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Empty(File.ReadAllLines(Path.Combine(root, "lists", "holdout_test.csv")));
        Assert.Equal(["holdoutxxxx_000000_000010", "holdoutyyyy_000010_000020"], File.ReadAllLines(Path.Combine(root, "lists", "missing_holdout_test.txt")));
        Assert.Equal(9, File.ReadAllLines(Path.Combine(root, "lists", "val.csv")).Length);
    }

    /// <summary>The rows of a K600/K700 annotation file, read by hand (no quoting in those dialects).</summary>
    private static IEnumerable<(string? Label, string Id, int Start, int End)> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var labelled = lines[0].StartsWith("label,", StringComparison.Ordinal);
        return lines.Skip(1).Select(line => line.Split(',')).Select(f => labelled
            ? ((string?)f[0], f[1], int.Parse(f[2]), int.Parse(f[3]))
            : (null, f[0], int.Parse(f[1]), int.Parse(f[2])));
    }
}
