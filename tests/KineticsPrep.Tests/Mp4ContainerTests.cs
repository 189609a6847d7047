using KineticsPrep.Media;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class Mp4ContainerTests
{
    private static readonly byte[] Whole = File.ReadAllBytes(Path.Combine(Media.FixtureVideos, "mmaction2_demo_k400_armwrestling.mp4"));

    private static string? Problem(byte[] bytes) => Mp4Container.Problem(new MemoryStream(bytes));

    [Fact]
    public void A_whole_mp4_passes() => Assert.Null(Problem(Whole));

    [Theory]
    [InlineData(8192)]
    [InlineData(100_000)]
    [InlineData(-1)]
    public void An_mp4_cut_short_fails_with_the_box_that_runs_past_the_end(int length)
    {
        var cut = Whole[..(length < 0 ? Whole.Length - 1 : length)];
        Assert.Matches("box '(mdat|moov)' at byte \\d+ needs \\d+ bytes, but the file ends", Problem(cut));
    }

    [Fact]
    public void Stray_bytes_after_the_last_box_fail() => Assert.Contains("stray bytes", Problem([.. Whole, 0, 0, 0]));

    [Fact]
    public void A_file_that_is_not_an_mp4_fails() =>
        Assert.Equal("the file does not start with an 'ftyp' box", Problem(File.ReadAllBytes(Path.Combine(Media.FixtureVideos, "moviepy_no_duration_vp9.webm"))));
}
