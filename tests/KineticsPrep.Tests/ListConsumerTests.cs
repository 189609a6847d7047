using System.Globalization;
using System.Text.Json;
using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

/// <summary>Each list format, read back the way the training code that consumes it reads it.</summary>
public sealed class ListConsumerTests : IDisposable
{
    private readonly AnnotateFixture _f = new();
    private IReadOnlyList<(string Path, int Label)> _expected = [];

    public void Dispose() => _f.Dispose();

    private async Task PrepareAsync(ListFormat format)
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        var clips = _f.AddClipsFor(csv, "train", keep: i => i % 2 == 0);
        var rows = AnnotationCsv.Read(csv, "train", null);
        _expected = clips.Select(path => (path, rows.Select((r, id) => (r, id)).Single(x => path.EndsWith(x.r.ClipName + ".mp4", StringComparison.Ordinal)).id)).ToList();
        await _f.RunAsync(o => o with { Format = format });
    }

    [Fact]
    public async Task Videomae_list_reads_as_two_columns_split_on_one_space_like_pandas_read_csv_sep_space()
    {
        await PrepareAsync(ListFormat.Find("videomae")!);
        // pandas.read_csv(sep=' ', header=None): every line has exactly two fields, the second an integer.
        var parsed = _f.OutLines("train.csv").Select(line => line.Split(' ')).ToList();
        Assert.All(parsed, fields => Assert.Equal(2, fields.Length));
        Assert.Equal(_expected, parsed.Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Videomae_list_reads_the_same_with_pytorchvideo_rsplit()
    {
        await PrepareAsync(ListFormat.Find("videomae")!);
        // pytorchvideo: path, label = line.rsplit(None, 1)
        var parsed = _f.OutLines("train.csv").Select(line =>
        {
            var trimmed = line.TrimEnd();
            var cut = trimmed.LastIndexOfAny([' ', '\t']);
            return (trimmed[..cut].TrimEnd(), int.Parse(trimmed[(cut + 1)..], CultureInfo.InvariantCulture));
        });
        Assert.Equal(_expected, parsed);
    }

    [Fact]
    public async Task Csv_list_has_a_header_and_every_field()
    {
        await PrepareAsync(ListFormat.Find("csv")!);
        var lines = _f.OutLines("train.csv");
        Assert.Equal("path,label_id,label,youtube_id,time_start,time_end,split", lines[0]);
        using var reader = new StreamReader(Path.Combine(_f.Out, "train.csv"));
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(_expected, records.Select(r => ((string)r["path"], int.Parse((string)r["label_id"], CultureInfo.InvariantCulture))));
        Assert.Equal("answering questions", records.Single(r => (string)r["youtube_id"] == "_5W9Fxl_dFE")["label"]);
    }

    [Fact]
    public async Task Json_list_is_mmaction2s_filename_and_label_objects()
    {
        await PrepareAsync(ListFormat.Find("json")!);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Out, "train.json")));
        var items = document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("filename").GetString()!, e.GetProperty("label").GetInt32()));
        Assert.Equal(_expected, items);
    }

    [Fact]
    public async Task Folders_are_a_symlink_tree_of_split_class_clip_like_torchvision()
    {
        await PrepareAsync(ListFormat.Find("folders")!);
        var labels = _f.OutLines("labels.txt");
        var links = Directory.GetFiles(Path.Combine(_f.Out, "train"), "*.mp4", SearchOption.AllDirectories);
        Assert.Equal(_expected.Count, links.Length);
        foreach (var (path, label) in _expected)
        {
            var link = Path.Combine(_f.Out, "train", labels[label], Path.GetFileName(path));
            Assert.Equal(path, new FileInfo(link).LinkTarget);
        }
    }

    [Fact]
    public async Task Uniformerv2_list_lines_split_into_exactly_two_fields_on_a_comma()
    {
        await PrepareAsync(ListFormat.Find("uniformerv2")!);
        // UniFormerV2 and InternVideo: path, label = line.split(',') with exactly two fields.
        var parsed = _f.OutLines("train.csv").Select(line => line.Split(',')).ToList();
        Assert.All(parsed, fields => Assert.Equal(2, fields.Length));
        Assert.Equal(_expected, parsed.Select(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_path_with_a_comma_is_refused_in_the_uniformerv2_format()
    {
        _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\nabseiling,aaaaaaaaaaa,0,10,train\n");
        _f.AddClip("a,b", "aaaaaaaaaaa_000000_000010.mp4");

        var error = await Assert.ThrowsAsync<AnnotationException>(() => _f.RunAsync(o => o with { Format = ListFormat.Find("uniformerv2")! }));

        Assert.Contains("contains a comma, which a ','-separated list cannot hold", error.Message);
    }

    /// <summary>Each codebase's own reader, run by Debian's Python with pandas, on our videomae and uniformerv2 lists.</summary>
    [Theory(Timeout = Timeouts.Process)]
    [InlineData("videomae", "import pandas as pd; d = pd.read_csv(path, header=None, delimiter=' '); rows = list(zip(d[0], d[1]))")]
    [InlineData("videomae", "rows = [tuple(l.rsplit(None, 1)) for l in open(path)]")]
    [InlineData("uniformerv2", "rows = []\nfor l in open(path):\n    f = l.strip().split(',')\n    assert len(f) == 2, f\n    rows.append(tuple(f))")]
    public async Task Each_codebases_own_python_reader_reads_our_list(string name, string reader)
    {
        var format = ListFormat.Find(name)!;
        await PrepareAsync(format);
        var script = $"import sys\npath = sys.argv[1]\n{reader}\nfor p, label in rows: print(f'{{p}}\\t{{int(label)}}')\n";
        var result = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(
            CliWrap.Cli.Wrap("/usr/bin/python3").WithArguments(["-c", script, Path.Combine(_f.Out, "train.csv")]).WithValidation(CliWrap.CommandResultValidation.None));

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(_expected.Select(e => $"{e.Path}\t{e.Label}"), result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
