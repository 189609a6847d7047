using System.Buffers.Binary;
using static KineticsPrep.Media.Mp4Boxes;

namespace KineticsPrep.Media;

/// <summary>
/// A clip's video track as a data loader sees it: frames, duration, size, and the largest gap between keyframes. For
/// an mp4 it is read in-process from the container's sample tables (no decoding, no process); <see cref="FFprobe"/>
/// reads it from any other container.
/// </summary>
/// <param name="Codec">ffmpeg's name for the codec ("h264", "hevc", …) when known.</param>
public sealed record VideoTrack(long Frames, double DurationSeconds, int Width, int Height, long MaxKeyframeInterval, string? Codec = null)
{
    public double FramesPerSecond => DurationSeconds > 0 ? Frames / DurationSeconds : 0;

    /// <summary>
    /// The first video track of an mp4, or null when the file is no mp4, can't be read, has no video track, or has an
    /// edit list that hides frames from the player (a clip cut without re-encoding): then only decoding tells how many
    /// frames show.
    /// </summary>
    public static VideoTrack? ReadMp4(string path) => ReadFile(path, ReadMp4);

    /// <inheritdoc cref="ReadMp4(string)"/>
    /// <exception cref="EndOfStreamException">The file ends before a box it names.</exception>
    internal static VideoTrack? ReadMp4(Stream file) =>
        Tracks(file).Where(t => Handler(file, t.Trak) == "vide").Select(t => Track(file, t.Moov, t.Trak)).FirstOrDefault(t => t is not null);

    private static VideoTrack? Track(Stream file, Mp4Box moov, Mp4Box trak)
    {
        if (Child(file, trak, "mdia") is not { } mdia || Child(file, mdia, "mdhd") is not { } mdhd || Child(file, trak, "tkhd") is not { } tkhd
            || Child(file, mdia, "minf") is not { } minf || Child(file, minf, "stbl") is not { } stbl
            || Child(file, stbl, "stts") is not { } stts)
            return null;

        var timescale = Timescale(file, mdhd);
        // tkhd ends with width and height as 16.16 fixed point.
        var width = (int)(U32(file, tkhd.End - 8) >> 16);
        var height = (int)(U32(file, tkhd.End - 4) >> 16);

        // stts: (sample count, sample delta) runs.
        long frames = 0, ticks = 0;
        var runs = U32(file, stts.Start + 4);
        if (runs > (stts.End - stts.Start - 8) / 8 || runs > int.MaxValue / 8)
            return null;
        var table = Read(file, stts.Start + 8, (int)runs * 8);
        for (var i = 0; i < runs; i++)
        {
            var count = BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(i * 8));
            frames += count;
            ticks += (long)count * BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(i * 8 + 4));
        }

        // stss: the 1-based numbers of the sync samples; without it every sample is one.
        var maxInterval = 1L;
        if (Child(file, stbl, "stss") is { } stss)
        {
            var count = U32(file, stss.Start + 4);
            if (count > (stss.End - stss.Start - 8) / 4 || count > int.MaxValue / 4)
                return null;
            var numbers = Read(file, stss.Start + 8, (int)count * 4);
            var previous = 1L;
            for (var i = 0; i < count; i++)
            {
                long sync = BinaryPrimitives.ReadUInt32BigEndian(numbers.AsSpan(i * 4));
                maxInterval = Math.Max(maxInterval, sync - previous);
                previous = sync;
            }
            maxInterval = Math.Max(maxInterval, frames + 1 - previous);
        }
        if (!ShowsEverySample(file, moov, trak, stbl, ticks, timescale))
            return null;
        return new VideoTrack(frames, timescale == 0 ? 0 : (double)ticks / timescale, width, height, maxInterval, CodecOf(file, stbl));
    }

    /// <summary>The codec of the first sample description (stsd), by ffmpeg's name for its four-character code.</summary>
    private static string? CodecOf(Stream file, Mp4Box stbl) =>
        Child(file, stbl, "stsd") is { } stsd && Children(file, stsd.Start + 8, stsd.End).FirstOrDefault() is { Type: { } type }
            ? type switch
            {
                "avc1" or "avc3" => "h264",
                "hvc1" or "hev1" => "hevc",
                "vp09" => "vp9",
                "av01" => "av1",
                "mp4v" => "mpeg4",
                _ => type,
            }
            : null;

    /// <summary>
    /// Whether a player shows every sample: no edit list, or one edit that starts no later than the first sample's
    /// composition offset (the B-frame delay muxers write) and lasts the whole track.
    /// </summary>
    private static bool ShowsEverySample(Stream file, Mp4Box moov, Mp4Box trak, Mp4Box stbl, long mediaTicks, uint mediaTimescale)
    {
        if (Child(file, trak, "edts") is not { } edts || Child(file, edts, "elst") is not { } elst)
            return true;
        var version = Version(file, elst);
        var entries = U32(file, elst.Start + 4);
        if (entries != 1 || Child(file, moov, "mvhd") is not { } mvhd)
            return false;
        var entry = Read(file, elst.Start + 8, version == 1 ? 16 : 8);
        long segment = version == 1 ? BinaryPrimitives.ReadInt64BigEndian(entry) : BinaryPrimitives.ReadUInt32BigEndian(entry);
        long mediaTime = version == 1 ? BinaryPrimitives.ReadInt64BigEndian(entry.AsSpan(8)) : BinaryPrimitives.ReadInt32BigEndian(entry.AsSpan(4));
        var firstOffset = Child(file, stbl, "ctts") is { } ctts && ctts.End - ctts.Start >= 16 && U32(file, ctts.Start + 4) > 0
            ? BinaryPrimitives.ReadInt32BigEndian(Read(file, ctts.Start + 12, 4))
            : 0;
        var movieTimescale = Timescale(file, mvhd);
        if (mediaTime < 0 || mediaTime > firstOffset || movieTimescale == 0)
            return false;
        // The edit's length, in media ticks, may fall short of the track by rounding: allow one movie tick.
        var segmentTicks = (segment + 1.0) * mediaTimescale / movieTimescale;
        return segmentTicks >= mediaTicks - mediaTime;
    }
}
