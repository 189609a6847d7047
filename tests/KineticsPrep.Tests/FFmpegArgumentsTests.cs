using KineticsPrep.Media;
using KineticsPrep.Resize;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class FFmpegArgumentsTests
{
    private static readonly VideoInfo SmallH264 = new(0, "h264", "yuv420p", 320, 240, 0, 1, 1, 10, new AudioStreamInfo(1, "mp3"));

    private static IReadOnlyList<string> Build(VideoInfo info, ResizeOptions options, FFmpegVersion? version = null) =>
        FFmpegArguments.For([new PlannedClip("/in/-abc_000001_000011.mp4", "/out/-abc.mp4.partial", info,
            TargetSize.For(info.DisplayWidth, info.DisplayHeight, options.ShortSide, options.Upscale))], options, version ?? new FFmpegVersion(5, 1));

    private static string After(IReadOnlyList<string> arguments, string flag) => arguments[arguments.ToList().IndexOf(flag) + 1];

    [Fact]
    public void Paths_are_passed_as_file_urls_so_a_leading_dash_is_never_an_option()
    {
        var arguments = Build(SmallH264, new ResizeOptions());
        Assert.Equal("file:/in/-abc_000001_000011.mp4", After(arguments, "-i"));
        Assert.Equal("file:/out/-abc.mp4.partial", arguments[^1]);
        Assert.DoesNotContain(arguments, a => a.StartsWith("-abc", StringComparison.Ordinal));
    }

    [Fact]
    public void An_h264_clip_already_at_size_is_copied_and_audio_is_dropped()
    {
        var arguments = Build(SmallH264, new ResizeOptions());
        Assert.Equal("copy", After(arguments, "-c:v"));
        Assert.Contains("-an", arguments);
        Assert.Equal("+faststart", After(arguments, "-movflags"));
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, 15.0, null)]
    [InlineData(false, null, 16)]
    public void Copying_gives_way_to_encoding_when_the_user_asks_for_a_change(bool alwaysEncode, double? fps, int? gop)
    {
        var arguments = Build(SmallH264, new ResizeOptions { AlwaysEncode = alwaysEncode, Fps = fps, Gop = gop });
        Assert.Equal("libx264", After(arguments, "-c:v"));
    }

    [Fact]
    public void Only_the_decoder_s_threads_follow_the_workers_so_an_encoded_clip_is_the_same_with_any_workers()
    {
        var one = Build(SmallH264 with { Codec = "mpeg4" }, new ResizeOptions { Workers = 1 }).ToList();
        var many = Build(SmallH264 with { Codec = "mpeg4" }, new ResizeOptions { Workers = 64 }).ToList();

        Assert.Equal(one.Skip(one.IndexOf("-i")), many.Skip(many.IndexOf("-i")));
        Assert.Equal("1", After(one, "-filter_threads"));
        Assert.Equal("1", one[one.LastIndexOf("-threads") + 1]);
        Assert.Equal("+bitexact", After(one, "-fflags"));
        Assert.EndsWith("+accurate_rnd+bitexact,setsar=1", After(one, "-vf"));
    }

    [Fact]
    public void Rotated_or_other_codecs_are_encoded_with_the_requested_settings()
    {
        var rotated = SmallH264 with { Rotation = 90 };
        var arguments = Build(rotated, new ResizeOptions { Crf = 20, Preset = "faster", Gop = 16 });
        Assert.Equal("libx264", After(arguments, "-c:v"));
        Assert.Equal("scale=240:320:flags=bilinear+accurate_rnd+bitexact,setsar=1", After(arguments, "-vf"));
        Assert.Equal("20", After(arguments, "-crf"));
        Assert.Equal("faster", After(arguments, "-preset"));
        Assert.Equal("16", After(arguments, "-g"));
        Assert.Equal("yuv420p", After(arguments, "-pix_fmt"));
        Assert.Equal("passthrough", After(arguments, "-fps_mode"));
    }

    [Fact]
    public void The_scaler_and_x264_params_are_passed_through_and_empty_params_are_left_out()
    {
        var tuned = Build(SmallH264 with { Codec = "vp9" }, new ResizeOptions { Scaler = "lanczos", X264Params = "ref=2" });
        Assert.Equal("scale=320:240:flags=lanczos+accurate_rnd+bitexact,setsar=1", After(tuned, "-vf"));
        Assert.Equal("ref=2", After(tuned, "-x264-params"));
        var plain = Build(SmallH264 with { Codec = "vp9" }, new ResizeOptions { X264Params = "" });
        Assert.DoesNotContain("-x264-params", plain);
    }

    [Fact]
    public void Fps_adds_a_filter_instead_of_keeping_every_frame()
    {
        var arguments = Build(SmallH264 with { Codec = "vp9" }, new ResizeOptions { Fps = 12.5 });
        Assert.Equal("fps=12.5,scale=320:240:flags=bilinear+accurate_rnd+bitexact,setsar=1", After(arguments, "-vf"));
        Assert.DoesNotContain("-fps_mode", arguments);
    }

    [Fact]
    public void Keep_audio_maps_the_audio_stream_and_encodes_it_as_aac()
    {
        var arguments = Build(SmallH264, new ResizeOptions { KeepAudio = true });
        Assert.Contains("0:1", arguments);
        Assert.Equal("aac", After(arguments, "-c:a"));
        var aacSource = Build(SmallH264 with { Audio = new AudioStreamInfo(1, "aac") }, new ResizeOptions { KeepAudio = true });
        Assert.Equal("copy", After(aacSource, "-c:a"));
    }

    [Theory]
    [InlineData(4, 4, "-vsync")]
    [InlineData(5, 0, "-vsync")]
    [InlineData(5, 1, "-fps_mode")]
    [InlineData(7, 1, "-fps_mode")]
    public void Frame_timing_is_kept_with_the_option_that_the_ffmpeg_release_knows(int major, int minor, string option)
    {
        var arguments = Build(SmallH264 with { Codec = "vp9" }, new ResizeOptions(), new FFmpegVersion(major, minor));
        Assert.Equal("passthrough", After(arguments, option));
        Assert.Single(arguments, a => a is "-vsync" or "-fps_mode");
    }

    [Fact]
    public void The_seekable_profile_encodes_with_a_16_frame_keyframe_interval_and_no_scene_cut_keyframes()
    {
        var arguments = Build(SmallH264, new ResizeOptions { Profile = EncodeProfile.Seekable });
        Assert.Equal("libx264", After(arguments, "-c:v"));
        Assert.Equal("16", After(arguments, "-g"));
        Assert.Equal("0", After(arguments, "-sc_threshold"));
        Assert.Equal("passthrough", After(arguments, "-fps_mode"));
        Assert.DoesNotContain("-bf", arguments);
    }

    [Fact]
    public void The_dali_profile_adds_a_constant_frame_rate_at_the_sources_rate_and_no_b_frames()
    {
        var arguments = Build(SmallH264 with { FrameRate = 30000 / 1001.0 }, new ResizeOptions { Profile = EncodeProfile.Dali }, new FFmpegVersion(4, 4));
        Assert.Equal("cfr", After(arguments, "-vsync"));
        Assert.Equal("29.97003", After(arguments, "-r"));
        Assert.Equal("0", After(arguments, "-bf"));
        Assert.Equal("16", After(arguments, "-g"));
    }
}
