namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class AnnotateCommandTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<CliRunner.Result> RunAsync(params string[] extra) =>
        CliRunner.RunAsync(["annotate", "--annotations", _f.Annotations, "--videos", _f.Videos, "--out", _f.Out, .. extra]);

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clean_run_prints_the_counts_per_split_and_exits_with_0()
    {
        var csv = _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        _f.AddClipsFor(csv, "train", keep: i => i < 390);
        var result = await RunAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"train\s+400\s+390\s+10\s+0\s+0", result.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task The_actionclip_label_file_with_its_header_works_and_the_summary_names_the_names_matched_without_parentheses()
    {
        var csv = _f.CopyCsv("k400_tiny_val.csv", "val.csv");
        _f.AddClipsFor(csv, "val");

        var result = await RunAsync("--labels", Path.Combine(AnnotateFixture.FixtureAnnotations, "kinetics_400_labels.csv"));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("9 class names of the CSVs matched the label map only with case, quotes, parentheses and spacing ignored: " +
                        "'hurling (sport)' is 'hurling sport', ", result.Stdout);
        Assert.Contains($"(all: {Path.Combine(_f.Out, "summary.json")}).", result.Stdout);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_label_file_that_would_join_two_classes_of_the_csvs_exits_with_2_naming_both_in_one_line()
    {
        _f.WriteCsv("val.csv", "label,youtube_id,time_start,time_end,split\nhurling (sport),abc,1,11,val\nhurling sport,def,2,12,val\n");
        _f.AddClip("", "abc_000001_000011.mp4");
        var labels = Path.Combine(_f.Root, "labels.csv");
        File.WriteAllText(labels, "id,name\n0,hurling sport\n");

        var result = await RunAsync("--labels", labels);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("kinetics-prep: labels 'hurling (sport)' and 'hurling sport' of the CSVs are both 'hurling sport' (id 0) of the label map once case, quotes, " +
                     "parentheses and spacing are ignored: two classes would become one. Give the map both names as the CSVs write them.", result.Stderr.Trim());
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_malformed_row_exits_with_2_and_names_the_file_and_line()
    {
        var csv = _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\na,abc,1,11,train\na,def,x,12,train\n");
        _f.AddClip("", "abc_000001_000011.mp4");
        var result = await RunAsync();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{csv}:3:", result.Stderr);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Skipped_bad_rows_are_listed_and_the_exit_code_is_1()
    {
        var csv = _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\na,abc,1,11,train\na,def,x,12,train\n");
        _f.AddClip("", "abc_000001_000011.mp4");
        var result = await RunAsync("--skip-bad-rows");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{csv}:3:", result.Stderr);
        Assert.Single(_f.OutLines("train.csv"));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task An_unknown_format_is_a_usage_error()
    {
        _f.CopyCsv("k400_tiny_train.csv", "train.csv");
        Directory.CreateDirectory(_f.Videos);
        var result = await RunAsync("--format", "parquet");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Stderr);
    }
}
