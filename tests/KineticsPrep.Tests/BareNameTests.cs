namespace KineticsPrep.Tests;

/// <summary>Copies that name clips <c>&lt;youtube_id&gt;.mp4</c> (OpenDataLab, VideoMAEv2's and UniFormerV2's lists).</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class BareNameTests : IDisposable
{
    private readonly AnnotateFixture _f = new();

    public void Dispose() => _f.Dispose();

    private const string Csv = """
        label,youtube_id,time_start,time_end,split
        abseiling,aaaaaaaaaaa,0,10,train
        abseiling,bbbbbbbbbbb,5,15,train
        "air drumming",ccccccccccc,0,10,train
        "air drumming",ccccccccccc,20,30,train
        """;

    [Fact]
    public async Task A_folder_of_bare_youtube_id_clips_is_found()
    {
        _f.WriteCsv("train.csv", Csv);
        var a = _f.AddClip("abseiling", "aaaaaaaaaaa.mp4");
        var b = _f.AddClip("abseiling", "bbbbbbbbbbb.mp4");

        var report = await _f.RunAsync();

        Assert.Equal([$"{a} 0", $"{b} 0"], _f.OutLines("train.csv"));
        Assert.Equal(2, report.Splits.Single().Found);
    }

    [Fact]
    public async Task The_cvdf_name_is_preferred_when_both_exist()
    {
        _f.WriteCsv("train.csv", Csv);
        _f.AddClip("bare", "aaaaaaaaaaa.mp4");
        var cvdf = _f.AddClip("cvdf", "aaaaaaaaaaa_000000_000010.mp4");

        await _f.RunAsync();

        Assert.Equal([$"{cvdf} 0"], _f.OutLines("train.csv"));
    }

    [Fact]
    public async Task A_bare_name_that_fits_several_rows_is_reported_and_not_guessed()
    {
        _f.WriteCsv("train.csv", Csv);
        var bare = _f.AddClip("", "ccccccccccc.mp4");

        var report = await _f.RunAsync();

        Assert.Empty(_f.OutLines("train.csv"));
        Assert.Equal([$"train: {bare} could be any of the 2 rows of ccccccccccc"], report.Ambiguous);
        Assert.Contains("ccccccccccc_000000_000010", _f.OutLines("missing_train.txt"));
    }
}
