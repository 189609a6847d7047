using System.Buffers.Binary;
using System.Text;

namespace KineticsPrep.Media;

/// <summary>
/// A clip's video track as a data loader sees it: frames, duration, size, and the largest gap between keyframes. For
/// an mp4 it is read in-process from the container's sample tables (no decoding, no process); <see cref="FFprobe"/>
/// reads it from any other container.
/// </summary>
public sealed record VideoTrack(long Frames, double DurationSeconds, int Width, int Height, long MaxKeyframeInterval)
{
    public double FramesPerSecond => DurationSeconds > 0 ? Frames / DurationSeconds : 0;

    /// <summary>
    /// The first video track of an mp4, or null when the file is no mp4, has no video track, or has an edit list that
    /// hides frames from the player (a clip cut without re-encoding): then only decoding tells how many frames show.
    /// </summary>
    public static VideoTrack? ReadMp4(Stream file)
    {
        try
        {
            return Children(file, 0, file.Length).Where(b => b.Type == "moov")
                .SelectMany(moov => Children(file, moov.Start, moov.End).Where(b => b.Type == "trak").Select(trak => Track(file, moov, trak)))
                .FirstOrDefault(t => t is not null);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private readonly record struct Box(string Type, long Start, long End);

    /// <summary>The boxes inside [start, end): Start is where a box's content begins.</summary>
    private static IEnumerable<Box> Children(Stream file, long start, long end)
    {
        var header = new byte[16];
        for (var offset = start; end - offset >= 8;)
        {
            file.Position = offset;
            file.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header, 4, 4);
            var headerSize = 8;
            if (size == 1)
            {
                file.ReadExactly(header, 8, 8);
                size = BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(8));
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = end - offset;
            }
            if (size < headerSize || size > end - offset)
                yield break;
            yield return new Box(type, offset + headerSize, offset + size);
            offset += size;
        }
    }

    private static Box? Child(Stream file, Box parent, string type) =>
        Children(file, parent.Start, parent.End).Cast<Box?>().FirstOrDefault(b => b!.Value.Type == type);

    private static VideoTrack? Track(Stream file, Box moov, Box trak)
    {
        // hdlr: version and flags, pre_defined, then the handler type.
        if (Child(file, trak, "mdia") is not { } mdia || Child(file, mdia, "hdlr") is not { } hdlr
            || Encoding.ASCII.GetString(Read(file, hdlr.Start + 8, 4)) != "vide"
            || Child(file, mdia, "mdhd") is not { } mdhd || Child(file, trak, "tkhd") is not { } tkhd
            || Child(file, mdia, "minf") is not { } minf || Child(file, minf, "stbl") is not { } stbl
            || Child(file, stbl, "stts") is not { } stts)
            return null;

        // mdhd: version, flags, then 4- or 8-byte times: creation, modification; timescale; duration.
        var version = Read(file, mdhd.Start, 1)[0];
        var timescale = BinaryPrimitives.ReadUInt32BigEndian(Read(file, mdhd.Start + (version == 1 ? 20 : 12), 4));
        // tkhd ends with width and height as 16.16 fixed point.
        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(Read(file, tkhd.End - 8, 4)) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(Read(file, tkhd.End - 4, 4)) >> 16);

        // stts: (sample count, sample delta) runs.
        long frames = 0, ticks = 0;
        var runs = BinaryPrimitives.ReadUInt32BigEndian(Read(file, stts.Start + 4, 4));
        var table = Read(file, stts.Start + 8, checked((int)runs * 8));
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
            var count = BinaryPrimitives.ReadUInt32BigEndian(Read(file, stss.Start + 4, 4));
            var numbers = Read(file, stss.Start + 8, checked((int)count * 4));
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
        return new VideoTrack(frames, timescale == 0 ? 0 : (double)ticks / timescale, width, height, maxInterval);
    }

    /// <summary>
    /// Whether a player shows every sample: no edit list, or one edit that starts no later than the first sample's
    /// composition offset (the B-frame delay muxers write) and lasts the whole track.
    /// </summary>
    private static bool ShowsEverySample(Stream file, Box moov, Box trak, Box stbl, long mediaTicks, uint mediaTimescale)
    {
        if (Child(file, trak, "edts") is not { } edts || Child(file, edts, "elst") is not { } elst)
            return true;
        var version = Read(file, elst.Start, 1)[0];
        var entries = BinaryPrimitives.ReadUInt32BigEndian(Read(file, elst.Start + 4, 4));
        if (entries != 1 || Child(file, moov, "mvhd") is not { } mvhd)
            return false;
        var entry = Read(file, elst.Start + 8, version == 1 ? 16 : 8);
        long segment = version == 1 ? BinaryPrimitives.ReadInt64BigEndian(entry) : BinaryPrimitives.ReadUInt32BigEndian(entry);
        long mediaTime = version == 1 ? BinaryPrimitives.ReadInt64BigEndian(entry.AsSpan(8)) : BinaryPrimitives.ReadInt32BigEndian(entry.AsSpan(4));
        var firstOffset = Child(file, stbl, "ctts") is { } ctts && BinaryPrimitives.ReadUInt32BigEndian(Read(file, ctts.Start + 4, 4)) > 0
            ? BinaryPrimitives.ReadInt32BigEndian(Read(file, ctts.Start + 12, 4))
            : 0;
        var movieVersion = Read(file, mvhd.Start, 1)[0];
        var movieTimescale = BinaryPrimitives.ReadUInt32BigEndian(Read(file, mvhd.Start + (movieVersion == 1 ? 20 : 12), 4));
        if (mediaTime < 0 || mediaTime > firstOffset || movieTimescale == 0)
            return false;
        // The edit's length, in media ticks, may fall short of the track by rounding: allow one movie tick.
        var segmentTicks = (segment + 1.0) * mediaTimescale / movieTimescale;
        return segmentTicks >= mediaTicks - mediaTime;
    }

    private static byte[] Read(Stream file, long offset, int count)
    {
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
