using KineticsPrep.Media;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class VideoInfoTests
{
    private static VideoInfo Info(int w, int h, int rotation = 0, int sarNum = 1, int sarDen = 1) =>
        new(0, "h264", "yuv420p", w, h, rotation, sarNum, sarDen, 10, null);

    [Theory]
    [InlineData(90)]
    [InlineData(-90)]
    [InlineData(270)]
    public void A_quarter_turn_swaps_the_displayed_width_and_height(int rotation)
    {
        var info = Info(568, 320, rotation);
        Assert.Equal((320, 568), (info.DisplayWidth, info.DisplayHeight));
        Assert.False(info.IsDisplayedAsCoded);
    }

    [Fact]
    public void A_half_turn_keeps_the_orientation() =>
        Assert.Equal((568, 320), (Info(568, 320, 180).DisplayWidth, Info(568, 320, 180).DisplayHeight));

    [Fact]
    public void Non_square_pixels_are_stretched_to_the_displayed_aspect()
    {
        var info = Info(340, 256, sarNum: 64, sarDen: 51);
        Assert.Equal((427, 256), (info.DisplayWidth, info.DisplayHeight));
        Assert.False(info.IsDisplayedAsCoded);
    }
}
