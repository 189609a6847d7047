using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class TargetSizeTests
{
    [Theory]
    [InlineData(853, 480, 568, 320)]   // odd long side: rounded to even
    [InlineData(1280, 720, 568, 320)]
    [InlineData(1920, 1080, 568, 320)]
    [InlineData(640, 480, 426, 320)]   // 4:3
    [InlineData(480, 853, 320, 568)]   // portrait keeps width = short side
    [InlineData(720, 1280, 320, 568)]
    [InlineData(500, 500, 320, 320)]
    public void Short_side_becomes_the_target_and_the_aspect_ratio_is_kept(int w, int h, int expectedW, int expectedH) =>
        Assert.Equal(new TargetSize(expectedW, expectedH), TargetSize.For(w, h, 320, upscale: false));

    [Theory]
    [InlineData(340, 256)]
    [InlineData(320, 240)]
    [InlineData(320, 568)]
    public void A_clip_already_at_or_below_the_target_keeps_its_size(int w, int h) =>
        Assert.Equal(new TargetSize(w, h), TargetSize.For(w, h, 320, upscale: false));

    [Fact]
    public void A_small_clip_with_odd_dimensions_is_trimmed_to_even_ones() =>
        Assert.Equal(new TargetSize(254, 190), TargetSize.For(255, 191, 320, upscale: false));

    [Fact]
    public void Upscale_forces_the_short_side_as_mmaction2_does() =>
        Assert.Equal(new TargetSize(426, 320), TargetSize.For(340, 256, 320, upscale: true));
}
