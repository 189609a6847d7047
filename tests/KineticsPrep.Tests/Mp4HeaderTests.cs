using KineticsPrep.Media;

namespace KineticsPrep.Tests;

/// <summary>The in-process reader of mp4 headers says what ffprobe says, or leaves the clip to ffprobe.</summary>
public sealed class Mp4HeaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Clip(string name, int width, int height, params string[] extra) =>
        Media.MakeClip(_temp.Combine(name), width, height, seconds: 2, fps: 25, extra);

    private static async Task<VideoInfo?> AgreesWithFFprobeAsync(string path)
    {
        var probed = await new FFprobe(Media.Tools.FFprobePath).ProbeAsync(path, CancellationToken.None);
        var read = Mp4Header.Probe(path);
        if (read is null)
            return null;
        Assert.Equal((probed.StreamIndex, probed.Codec, probed.CodedWidth, probed.CodedHeight, probed.Rotation),
            (read.StreamIndex, read.Codec, read.CodedWidth, read.CodedHeight, read.Rotation));
        Assert.Equal(probed.PixelFormat == "yuv420p" ? "yuv420p" : null, read.PixelFormat);
        Assert.Equal((probed.DisplayWidth, probed.DisplayHeight, probed.IsDisplayedAsCoded), (read.DisplayWidth, read.DisplayHeight, read.IsDisplayedAsCoded));
        Assert.Equal(probed.DurationSeconds!.Value, read.DurationSeconds!.Value, 0.05);
        Assert.Equal(probed.FrameRate!.Value, read.FrameRate!.Value, 0.01);
        return read;
    }

    public static TheoryData<string, int, int, string[]> H264Clips() => new()
    {
        { "plain", 640, 360, [] },
        { "cropped-1080p", 1920, 1080, [] },
        { "odd-macroblocks", 720, 406, [] },
        { "anamorphic", 480, 360, ["-vf", "setsar=4/3"] },
        { "sar-from-table", 704, 576, ["-vf", "setsar=12/11"] },
        { "full-range", 320, 240, ["-pix_fmt", "yuvj420p"] },
        { "yuv422", 320, 240, ["-pix_fmt", "yuv422p"] },
        { "yuv444", 320, 240, ["-pix_fmt", "yuv444p"] },
        { "ten-bit", 320, 240, ["-pix_fmt", "yuv420p10le"] },
        { "interlaced", 640, 360, ["-x264-params", "interlaced=1"] },
        { "baseline", 352, 288, ["-profile:v", "baseline"] },
    };

    [Theory]
    [MemberData(nameof(H264Clips))]
    public async Task An_h264_mp4_is_read_as_ffprobe_reads_it(string name, int width, int height, string[] encode)
    {
        // MakeClip puts -pix_fmt yuv420p last; a clip's own -pix_fmt must come after it to win.
        var path = _temp.Combine(name + ".mp4");
        var source = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate=25:duration=2");
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-c:v", "libx264", "-pix_fmt", "yuv420p", .. encode, "file:" + path]);

        Assert.NotNull(await AgreesWithFFprobeAsync(path));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task A_rotated_clip_has_ffprobes_rotation(int degrees)
    {
        var path = Media.MakeRotatedClip(_temp.Combine($"rotated{degrees}.mp4"), 640, 360, degrees);
        var read = await AgreesWithFFprobeAsync(path);
        Assert.NotNull(read);
        Assert.NotEqual(0, read.Rotation);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task A_clip_whose_video_is_its_second_track_keeps_that_stream_index()
    {
        var path = _temp.Combine("audio-first.mp4");
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
            "-f", "lavfi", "-i", "sine=duration=2", "-map", "1:a", "-map", "0:v", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "file:" + path]);
        Assert.Equal(1, (await AgreesWithFFprobeAsync(path))?.StreamIndex);
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Clips_it_is_not_sure_of_are_left_to_ffprobe()
    {
        var mpeg4 = Clip("mpeg4.mp4", 320, 240, "-c:v", "mpeg4");
        var twoVideos = _temp.Combine("two-videos.mp4");
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
            "-f", "lavfi", "-i", "testsrc2=size=640x480:rate=25:duration=2", "-map", "0:v", "-map", "1:v", "-c:v", "libx264", "-pix_fmt", "yuv420p", "file:" + twoVideos]);
        var whole = Clip("whole.mp4", 320, 240, "-c:v", "libx264", "-g", "50");
        var cut = _temp.Combine("cut.mp4");
        Media.Run(Media.Tools.FFmpegPath, ["-nostdin", "-v", "error", "-y", "-ss", "0.7", "-i", "file:" + whole, "-c", "copy", "file:" + cut]);
        var truncated = Media.Truncate(Clip("no-faststart.mp4", 320, 240, "-c:v", "libx264"));

        Assert.All(new[] { mpeg4, twoVideos, cut, truncated }, path => Assert.Null(Mp4Header.Probe(path)));
    }

    [Fact(Timeout = Timeouts.Process)]
    public async Task Real_clips_are_read_as_ffprobe_reads_them_or_left_to_it()
    {
        var read = new List<string>();
        foreach (var path in Directory.GetFiles(Media.FixtureVideos))
        {
            if (await AgreesWithFFprobeAsync(path) is not null)
                read.Add(Path.GetFileName(path));
        }
        Assert.Contains("mmaction2_demo_k400_armwrestling.mp4", read);
    }
}
