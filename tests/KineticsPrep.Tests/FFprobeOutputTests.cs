using KineticsPrep.Media;

namespace KineticsPrep.Tests;

[Trait(Tier.Name, Tier.Fast)]
public sealed class FFprobeOutputTests
{
    [Fact]
    public void Rotation_is_read_from_the_display_matrix_side_data()
    {
        const string json = """
            { "streams": [ { "index": 0, "codec_name": "h264", "codec_type": "video", "width": 568, "height": 320,
                             "pix_fmt": "yuv420p", "duration": "0.100000",
                             "disposition": { "default": 1, "attached_pic": 0 },
                             "side_data_list": [ { "rotation": -90 } ] } ],
              "format": { "duration": "0.100000" } }
            """;
        var info = FFprobeOutput.Parse(json)!;
        Assert.Equal(-90, info.Rotation);
        Assert.Equal((320, 568), (info.DisplayWidth, info.DisplayHeight));
        Assert.Equal(0.1, info.DurationSeconds);
    }

    [Fact]
    public void The_main_video_stream_is_the_default_one_and_cover_art_is_ignored()
    {
        const string json = """
            { "streams": [
                { "index": 0, "codec_name": "mjpeg", "codec_type": "video", "width": 1920, "height": 1080, "disposition": { "default": 0, "attached_pic": 1 } },
                { "index": 1, "codec_name": "h264", "codec_type": "video", "width": 320, "height": 240, "disposition": { "default": 0, "attached_pic": 0 } },
                { "index": 2, "codec_name": "vp9", "codec_type": "video", "width": 640, "height": 360, "disposition": { "default": 1, "attached_pic": 0 } },
                { "index": 3, "codec_name": "mp3", "codec_type": "audio", "disposition": { "default": 0 } },
                { "index": 4, "codec_name": "aac", "codec_type": "audio", "disposition": { "default": 1 } } ],
              "format": {} }
            """;
        var info = FFprobeOutput.Parse(json)!;
        Assert.Equal(2, info.StreamIndex);
        Assert.Equal("vp9", info.Codec);
        Assert.Equal(new AudioStreamInfo(4, "aac"), info.Audio);
        Assert.Null(info.DurationSeconds);
    }

    [Fact]
    public void Sample_aspect_ratio_is_read_and_defaults_to_square()
    {
        var anamorphic = FFprobeOutput.Parse("""{ "streams": [ { "index": 0, "codec_type": "video", "width": 340, "height": 256, "sample_aspect_ratio": "64:51" } ] }""")!;
        var unknown = FFprobeOutput.Parse("""{ "streams": [ { "index": 0, "codec_type": "video", "width": 340, "height": 256, "sample_aspect_ratio": "0:1" } ] }""")!;
        Assert.Equal((64, 51), (anamorphic.SampleAspectNum, anamorphic.SampleAspectDen));
        Assert.Equal((1, 1), (unknown.SampleAspectNum, unknown.SampleAspectDen));
    }

    [Fact]
    public void A_file_with_only_audio_has_no_video_stream() =>
        Assert.Null(FFprobeOutput.Parse("""{ "streams": [ { "index": 0, "codec_type": "audio", "codec_name": "aac" } ], "format": {} }"""));
}
