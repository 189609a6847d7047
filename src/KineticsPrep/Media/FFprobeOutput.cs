using System.Globalization;
using System.Text.Json;

namespace KineticsPrep.Media;

/// <summary>Reads the JSON that <see cref="FFprobe"/> asks ffprobe for.</summary>
internal static class FFprobeOutput
{
    /// <summary>The fields <see cref="Parse"/> needs, in ffprobe's -show_entries syntax.</summary>
    public const string Entries =
        "stream=index,codec_type,codec_name,pix_fmt,width,height,sample_aspect_ratio,avg_frame_rate,duration" +
        ":stream_disposition=default,attached_pic:stream_side_data=rotation:format=duration";

    /// <summary>The fields <see cref="ParseTrack"/> needs, for ffprobe run with -count_frames on one stream.</summary>
    public const string TrackEntries = "stream=codec_name,width,height,nb_read_frames:format=duration:packet=flags";

    /// <summary>Returns the main video stream, or null when the file has none.</summary>
    public static VideoInfo? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];

        var video = streams
            .Where(e => Text(e, "codec_type") == "video" && Disposition(e, "attached_pic") != 1)
            .Where(e => Integer(e, "width") > 0 && Integer(e, "height") > 0)
            .OrderByDescending(e => Disposition(e, "default"))
            .ThenByDescending(e => (long)Integer(e, "width")! * Integer(e, "height")!)
            .ThenBy(e => Integer(e, "index"))
            .Cast<JsonElement?>()
            .FirstOrDefault();
        if (video is not { } v)
            return null;

        var audio = streams
            .Where(e => Text(e, "codec_type") == "audio")
            .OrderByDescending(e => Disposition(e, "default"))
            .ThenBy(e => Integer(e, "index"))
            .Select(e => new AudioStreamInfo(Integer(e, "index") ?? 0, Text(e, "codec_name") ?? "unknown"))
            .FirstOrDefault();

        var (sarNum, sarDen) = SampleAspect(Text(v, "sample_aspect_ratio"));
        var formatDuration = root.TryGetProperty("format", out var format) ? Number(format, "duration") : null;

        return new VideoInfo(
            StreamIndex: Integer(v, "index") ?? 0,
            Codec: Text(v, "codec_name") ?? "unknown",
            PixelFormat: Text(v, "pix_fmt"),
            CodedWidth: Integer(v, "width")!.Value,
            CodedHeight: Integer(v, "height")!.Value,
            Rotation: Rotation(v),
            SampleAspectNum: sarNum,
            SampleAspectDen: sarDen,
            DurationSeconds: Number(v, "duration") ?? formatDuration,
            Audio: audio)
        {
            FrameRate = Rate(Text(v, "avg_frame_rate")),
        };
    }

    /// <summary>
    /// The selected stream's track from <see cref="FFprobe.TrackAsync"/>'s output: decoded frames, the container's
    /// duration, size, and the longest run of packets from one keyframe to the next. Null when there is no stream.
    /// </summary>
    public static VideoTrack? ParseTrack(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            return null;
        long maxInterval = 1, sinceKey = 0;
        if (root.TryGetProperty("packets", out var packets))
        {
            foreach (var packet in packets.EnumerateArray())
            {
                sinceKey = Text(packet, "flags")?.StartsWith('K') == true ? 1 : sinceKey + 1;
                maxInterval = Math.Max(maxInterval, sinceKey);
            }
        }
        var stream = streams[0];
        var duration = root.TryGetProperty("format", out var format) ? Number(format, "duration") : null;
        return new VideoTrack((long?)Number(stream, "nb_read_frames") ?? 0, duration ?? 0,
            Integer(stream, "width") ?? 0, Integer(stream, "height") ?? 0, maxInterval, Text(stream, "codec_name"));
    }

    private static int Rotation(JsonElement stream)
    {
        if (!stream.TryGetProperty("side_data_list", out var list))
            return 0;
        foreach (var sideData in list.EnumerateArray())
        {
            if (Integer(sideData, "rotation") is { } rotation)
                return rotation;
        }
        return 0;
    }

    private static (int Num, int Den) SampleAspect(string? ratio)
    {
        var parts = ratio?.Split(':');
        if (parts is [var n, var d]
            && int.TryParse(n, CultureInfo.InvariantCulture, out var num)
            && int.TryParse(d, CultureInfo.InvariantCulture, out var den)
            && num > 0 && den > 0)
            return (num, den);
        return (1, 1);
    }

    private static double? Rate(string? text)
    {
        var parts = text?.Split('/');
        return parts is [var n, var d]
               && double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
               && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var den) && num > 0 && den > 0
            ? num / den
            : null;
    }

    private static int Disposition(JsonElement stream, string name) =>
        stream.TryGetProperty("disposition", out var d) ? Integer(d, name) ?? 0 : 0;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static int? Integer(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : null;

    private static double? Number(JsonElement e, string name) =>
        Text(e, name) is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value) && value > 0
            ? value
            : null;
}
