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
    [InlineData("id,name\n0,abseiling\n1,air drumming\n2,zumba\n", "an id,name header")]
    [InlineData("name,id\nzumba,2\nabseiling,0\n\"air drumming\",1\n", "a name,id header, a name quoted")]
    [InlineData("Label,ID\nabseiling,0\nair drumming,1\nzumba,2", "a label,id header in capitals")]
    [InlineData("id\tname\n0\tabseiling\n1\tair drumming\n2\tzumba\n", "TSV with a header")]
    [InlineData("0\t\"abseiling\"\n1\t\"air drumming\"\n2\t\"zumba\"\n", "TSV, names quoted")]
    [InlineData("zumba,2\nabseiling,0\nair drumming,1\n", "name,id lines")]
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
        var (mmaction2, videomae, report) = await ListWithBothAsync("k400_tiny_val.csv", "videomaev2-k400");

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
        Assert.Equal(new LabelMatch(k710.IdOf("throwing ball (not baseball or American football)")!.Value, "throwing ball (not baseball or American football)", false),
            k710.Resolve("throwing ball"));
        Assert.Equal(new LabelMatch(k710.IdOf("hugging (not baby)")!.Value, "hugging (not baby)", false), k710.Resolve("hugging"));
        // Elsewhere the name itself wins, and a later name finds the 2017 one the other way round.
        var mmaction2 = LabelMap.Load("mmaction2-k400");
        Assert.Equal(new LabelMatch(mmaction2.IdOf("throwing ball")!.Value, null, false), mmaction2.Resolve("throwing ball"));
        Assert.Equal(new LabelMatch(mmaction2.IdOf("balloon blowing")!.Value, "balloon blowing", false), mmaction2.Resolve("inflating balloons"));
        Assert.Null(mmaction2.Resolve("no such class"));
    }

    private async Task<string[]> ListAsync(string labels)
    {
        await _f.RunAsync(o => o with { Labels = labels });
        return _f.OutLines("val.csv");
    }

    /// <summary>A fixture val CSV (every clip there) listed with mmaction2's map and with <paramref name="labels"/>.</summary>
    private async Task<(string[] Mmaction2, string[] Other, ListsSummary Report)> ListWithBothAsync(string fixture, string labels)
    {
        var csv = _f.CopyCsv(fixture, "val.csv");
        _f.AddClipsFor(csv, "val");
        var mmaction2 = await ListAsync("mmaction2-k400");
        var report = await _f.RunAsync(o => o with { Labels = labels });
        return (mmaction2, _f.OutLines("val.csv"), report);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_official_k400_val_csv_with_the_actionclip_label_file_gives_every_row_mmaction2_s_id_with_or_without_its_header(bool header)
    {
        var labels = Path.Combine(_f.Root, "kinetics_400_labels.csv");
        File.WriteAllLines(labels, File.ReadAllLines(Path.Combine(AnnotateFixture.FixtureAnnotations, "kinetics_400_labels.csv")).Skip(header ? 0 : 1));

        var (mmaction2, actionClip, report) = await ListWithBothAsync("k400_val.csv.gz", labels);

        Assert.Equal(19_906, mmaction2.Length);
        Assert.Equal(mmaction2, actionClip);
        Assert.Equal(9, report.Aliases.Count);
        Assert.All(report.Aliases, alias => Assert.True(alias.Normalised));
        Assert.Contains(report.Aliases, alias => alias is { CsvLabel: "hurling (sport)", MapLabel: "hurling sport" });
    }

    [Fact]
    public void A_name_whose_key_would_join_two_classes_of_the_csvs_is_refused_naming_both()
    {
        var file = Path.Combine(_f.Root, "map.csv");
        File.WriteAllText(file, "id,name\n0,abseiling\n1,hurling sport\n");
        var map = LabelMap.Load(file);

        var error = Assert.Throws<AnnotationException>(() => map.ResolveAll(["abseiling", "hurling (sport)", "hurling sport"]));

        Assert.Contains("labels 'hurling (sport)' and 'hurling sport' of the CSVs are both 'hurling sport' (id 1)", error.Message);
        Assert.Equal(new LabelMatch(1, "hurling sport", true), map.ResolveAll(["abseiling", "hurling (sport)"])["hurling (sport)"]);
    }

    [Fact]
    public void A_name_whose_key_fits_two_classes_of_the_map_is_refused_naming_both()
    {
        var file = Path.Combine(_f.Root, "map.csv");
        File.WriteAllText(file, "0,Hurling sport\n1,hurling  sport\n");

        var error = Assert.Throws<AnnotationException>(() => LabelMap.Load(file).ResolveAll(["hurling (sport)"]));

        Assert.Contains("label 'hurling (sport)' is both 'Hurling sport' and 'hurling  sport' of the label map", error.Message);
    }

    [Fact]
    public async Task Pytorchvideo_s_map_with_quoted_keys_gives_the_k400_csv_mmaction2_s_ids()
    {
        var (mmaction2, pytorchvideo, report) = await ListWithBothAsync("k400_tiny_val.csv", "pytorchvideo-k400");

        Assert.Equal(mmaction2, pytorchvideo);
        Assert.Empty(report.Aliases);
    }
}
