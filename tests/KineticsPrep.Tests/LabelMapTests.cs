using System.Text.Json;
using KineticsPrep.Dataset;

namespace KineticsPrep.Tests;

/// <summary>Built-in label maps, map files in every format, and Kinetics' renamed classes.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class LabelMapTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly Dictionary<string, string> K710Merge =
        JsonSerializer.Deserialize<Dictionary<string, string>>(LabelMap.Resource("videomaev2-k710-identical-label-merge.json"))!;

    [Theory]
    [InlineData("mmaction2-k400", 400)]
    [InlineData("mmaction2-k600", 600)]
    [InlineData("mmaction2-k700", 700)]
    [InlineData("videomaev2-k400", 400)]
    [InlineData("videomaev2-k600", 600)]
    [InlineData("videomaev2-k700", 700)]
    [InlineData("videomaev2-k710", 710)]
    [InlineData("pytorchvideo-k400", 400)]
    public void Every_built_in_map_loads_with_distinct_names(string name, int classes)
    {
        var map = LabelMap.Load(name);
        Assert.Equal(classes, map.Names.Count);
        Assert.Equal(classes, map.Names.Distinct().Count());
    }

    [Fact]
    public void Pytorchvideos_quoted_json_keys_give_mmaction2s_k400_names_in_the_same_order() =>
        Assert.Equal(LabelMap.Load("mmaction2-k400").Names, LabelMap.Load("pytorchvideo-k400").Names);

    [Theory]
    [InlineData("abseiling\nair drumming\nzumba", "one name a line, no final newline")]
    [InlineData("abseiling\nair drumming\nzumba\n", "one name a line")]
    [InlineData("2,zumba\n0,abseiling\n1,air drumming\n", "id,name")]
    [InlineData("{\"zumba\": 2, \"\\\"air drumming\\\"\": 1, \"abseiling\": 0}", "JSON with pytorchvideo's quoted keys")]
    public void A_map_file_in_any_format_gives_the_same_ids(string text, string format)
    {
        var file = Path.Combine(_f.Root, "map.txt");
        File.WriteAllText(file, text);
        Assert.True(LabelMap.Load(file).Names.SequenceEqual(["abseiling", "air drumming", "zumba"]), format);
    }

    [Fact]
    public void An_unknown_name_that_is_no_file_says_which_maps_are_built_in()
    {
        var error = Assert.Throws<AnnotationException>(() => LabelMap.Load("videomae-k999"));
        Assert.Contains("mmaction2-k400", error.Message);
    }

    [Fact]
    public async Task The_k400_csv_with_videomaev2s_renamed_k400_map_gives_every_row_mmaction2s_id_and_reports_the_renames()
    {
        var csv = _f.CopyCsv("k400_tiny_val.csv", "val.csv");
        _f.AddClipsFor(csv, "val");

        var mmaction2 = await ListAsync("mmaction2-k400");
        var report = await _f.RunAsync(o => o with { Labels = "videomaev2-k400" });
        var videomae = _f.OutLines("val.csv");

        Assert.Equal(400, mmaction2.Length);
        Assert.Equal(mmaction2, videomae);
        Assert.Equal(13, report.Aliases.Count);
        Assert.Contains(new AppliedAlias("balloon blowing", "inflating balloons", 1), report.Aliases);
        // Two of hugging's renames are known ("hugging (not baby)" first); the K400 map has the second.
        Assert.Contains(new AppliedAlias("hugging", "hugging baby", 1), report.Aliases);
    }

    [Theory]
    [InlineData("k400_tiny_val.csv", 400)]
    [InlineData("k600_val_head.csv", 50)]
    public async Task With_the_k710_map_every_row_gets_the_k710_id_of_its_merged_name(string fixture, int rows)
    {
        var csv = _f.CopyCsv(fixture, "val.csv");
        _f.AddClipsFor(csv, "val");
        var k710 = LabelMap.Load("videomaev2-k710").Names.ToList();

        await _f.RunAsync(o => o with { Labels = "videomaev2-k710" });

        var expected = AnnotationCsv.Read(csv, "val", null)
            .Select(r => $"{Path.Combine(_f.Videos, "val", r.ClipName + ".mp4")} {k710.IndexOf(K710Merge.GetValueOrDefault(r.Label!, r.Label!))}");
        Assert.Equal(expected, _f.OutLines("val.csv"));
        Assert.Equal(rows, _f.OutLines("val.csv").Length);
        Assert.DoesNotContain(_f.OutLines("val.csv"), line => line.EndsWith(" -1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_k710_merge_goes_first_even_where_the_map_also_has_the_name_itself()
    {
        var k710 = LabelMap.Load("videomaev2-k710");
        Assert.NotNull(k710.IdOf("throwing ball"));
        Assert.Equal((k710.IdOf("throwing ball (not baseball or American football)")!.Value, "throwing ball (not baseball or American football)"),
            k710.Resolve("throwing ball"));
        Assert.Equal((k710.IdOf("hugging (not baby)")!.Value, "hugging (not baby)"), k710.Resolve("hugging"));
        // Elsewhere the name itself wins, and a later name finds the 2017 one the other way round.
        var mmaction2 = LabelMap.Load("mmaction2-k400");
        Assert.Equal((mmaction2.IdOf("throwing ball")!.Value, (string?)null), mmaction2.Resolve("throwing ball"));
        Assert.Equal((mmaction2.IdOf("balloon blowing")!.Value, "balloon blowing"), mmaction2.Resolve("inflating balloons"));
        Assert.Null(mmaction2.Resolve("no such class"));
    }

    private async Task<string[]> ListAsync(string labels)
    {
        await _f.RunAsync(o => o with { Labels = labels });
        return _f.OutLines("val.csv");
    }
}
