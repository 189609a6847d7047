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
    public async Task A_malformed_row_exits_with_2_and_names_the_file_and_line()
    {
        var csv = _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\na,abc,1,11,train\na,def,x,12,train\n");
        Directory.CreateDirectory(_f.Videos);
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
