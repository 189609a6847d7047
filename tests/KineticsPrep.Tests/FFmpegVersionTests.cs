using KineticsPrep.Media;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class FFmpegVersionTests
{
    [Theory]
    [InlineData("ffmpeg version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2000-2021 the FFmpeg developers", 4, 4)]
    [InlineData("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers", 5, 1)]
    [InlineData("ffmpeg version n6.1.1 Copyright (c) 2000-2023 the FFmpeg developers", 6, 1)]
    [InlineData("ffmpeg version 7.0.2-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2024", 7, 0)]
    [InlineData("ffmpeg version 4.2.7-0ubuntu0.1 Copyright (c) 2000-2022 the FFmpeg developers", 4, 2)]
    public void A_release_build_says_its_version_on_the_first_line(string firstLine, int major, int minor) =>
        Assert.Equal(new FFmpegVersion(major, minor), FFmpegVersion.Parse(firstLine + "\nbuilt with gcc 12\n"));

    [Theory]
    [InlineData("58. 76.100", 4, 4)]
    [InlineData("58. 29.100", 4, 0)]
    [InlineData("59. 16.100", 5, 0)]
    [InlineData("59. 27.100", 5, 1)]
    [InlineData("61.  1.100", 7, 0)]
    public void A_snapshot_build_is_dated_by_its_libavformat(string libavformat, int major, int minor)
    {
        var output = $"ffmpeg version N-113870-g1234567-static Copyright (c) 2000-2024\nlibavutil      59.  8.100 / 59.  8.100\nlibavformat    {libavformat} / {libavformat}\n";
        Assert.Equal(new FFmpegVersion(major, minor), FFmpegVersion.Parse(output));
    }

    [Fact]
    public void Nothing_recognisable_gives_no_version() => Assert.Null(FFmpegVersion.Parse("not ffmpeg at all"));

    [Theory]
    [InlineData(4, 2, false, false)]
    [InlineData(4, 4, true, false)]
    [InlineData(5, 0, true, false)]
    [InlineData(5, 1, true, true)]
    [InlineData(8, 0, true, true)]
    public void Support_starts_at_4_4_and_fps_mode_at_5_1(int major, int minor, bool supported, bool fpsMode)
    {
        var version = new FFmpegVersion(major, minor);
        Assert.Equal(supported, version.IsSupported);
        Assert.Equal(fpsMode, version.HasFpsMode);
    }
}
