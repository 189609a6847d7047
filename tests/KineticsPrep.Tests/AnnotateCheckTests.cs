namespace KineticsPrep.Tests;

/// <summary>annotate --check: the one annotate behaviour that needs ffprobe (the rest are in the fast tier).</summary>
public sealed class AnnotateCheckTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Check_leaves_out_unreadable_clips_and_counts_them_as_corrupt()
    {
        _f.WriteCsv("train.csv", "label,youtube_id,time_start,time_end,split\na,good,1,11,train\nb,bad,2,12,train\n");
        Media.MakeClip(Path.Combine(_f.Videos, "good_000001_000011.mp4"), 64, 64);
        File.WriteAllText(Path.Combine(_f.Videos, "bad_000002_000012.mp4"), "not a video");

        var report = await _f.RunAsync(o => o with { Check = true });

        Assert.Equal([$"{_f.Videos}/good_000001_000011.mp4 0"], _f.OutLines("train.csv"));
        Assert.Equal((1, 1), (report.Splits.Single().Found, report.Splits.Single().Corrupt));
        Assert.Equal("bad_000002_000012.mp4", Path.GetFileName(report.Corrupt.Single().Path));
    }
}
