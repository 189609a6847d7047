using System.Buffers.Binary;
using static KineticsPrep.Media.Mp4Boxes;

namespace KineticsPrep.Media;

/// <summary>
/// What <see cref="FFprobe.ProbeAsync"/> says of an mp4 with one H.264 video track, read in-process from the
/// container's headers and the stream's sequence parameter set, so that resizing a clip starts one process, not two.
/// Anything it is not sure of (another codec, several video tracks, an edit list that hides frames, a flipped or
/// scaled display matrix, no moov) gives null, and ffprobe decides.
/// </summary>
public static class Mp4Header
{
    private const int Fixed16 = 1 << 16;

    /// <summary>The clip's main video stream, as ffprobe would report it without its audio; null when unsure.</summary>
    public static VideoInfo? Probe(string path) => ReadFile(path, Probe);

    private static VideoInfo? Probe(Stream file)
    {
        if (VideoTrack.ReadMp4(file) is not { } track)
            return null;
        var tracks = Tracks(file).ToList();
        var videos = tracks.Select((t, index) => (t.Moov, t.Trak, index)).Where(t => Handler(file, t.Trak) == "vide").ToList();
        if (videos is not [var (moov, trak, streamIndex)])
            return null;
        if (Child(file, trak, "tkhd") is not { } tkhd || Rotation(file, moov, tkhd) is not { } rotation
            || Child(file, trak, "mdia") is not { } mdia || Child(file, mdia, "minf") is not { } minf
            || Child(file, minf, "stbl") is not { } stbl || Child(file, stbl, "stsd") is not { } stsd
            || U32(file, stsd.Start + 4) != 1)
            return null;
        if (Children(file, stsd.Start + 8, stsd.End).FirstOrDefault() is not { Type: "avc1" or "avc3" } entry)
            return null;

        // VisualSampleEntry: 78 bytes of fields (width and height at 24 and 26), then boxes: avcC, pasp, …
        const int fields = 78;
        var entryWidth = BinaryPrimitives.ReadUInt16BigEndian(Read(file, entry.Start + 24, 2));
        var entryHeight = BinaryPrimitives.ReadUInt16BigEndian(Read(file, entry.Start + 26, 2));
        var boxes = Children(file, entry.Start + fields, entry.End).ToList();
        if (boxes.FirstOrDefault(b => b.Type == "avcC") is not { Type: "avcC" } avcC || Sps(file, avcC) is not { } sps
            || sps.Width != entryWidth || sps.Height != entryHeight)
            return null;

        // ffprobe reports the container's aspect ratio ('pasp') when it has one, else the stream's.
        var (sarNum, sarDen) = boxes.FirstOrDefault(b => b.Type == "pasp") is { Type: "pasp" } pasp
            && U32(file, pasp.Start) is var h and > 0 and <= int.MaxValue && U32(file, pasp.Start + 4) is var v and > 0 and <= int.MaxValue
            ? ((int)h, (int)v)
            : (sps.SarNum, sps.SarDen);
        if (sarNum <= 0 || sarDen <= 0)
            (sarNum, sarDen) = (1, 1);

        return new VideoInfo(streamIndex, "h264", sps.IsYuv420p ? "yuv420p" : null, sps.Width, sps.Height, rotation, sarNum, sarDen,
            track.DurationSeconds > 0 ? track.DurationSeconds : null, Audio: null)
        {
            FrameRate = track.FramesPerSecond > 0 ? track.FramesPerSecond : null,
        };
    }

    /// <summary>The stream's one sequence parameter set, from the 'avcC' box.</summary>
    private static H264Sps? Sps(Stream file, Mp4Box avcC)
    {
        // configurationVersion, profile, compatibility, level, lengthSizeMinusOne; then the SPS count and each as (u16 length, bytes).
        var head = Read(file, avcC.Start, 8);
        if (head[0] != 1 || (head[5] & 0x1F) != 1)
            return null;
        var length = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(6));
        return avcC.Start + 8 + length > avcC.End ? null : H264Sps.Parse(Read(file, avcC.Start + 8, length));
    }

    /// <summary>
    /// The rotation ffprobe reports for the track's display matrix (degrees, counter-clockwise negative), when the
    /// matrix is a pure quarter-turn rotation and the movie's own matrix is the identity; null otherwise.
    /// </summary>
    private static int? Rotation(Stream file, Mp4Box moov, Mp4Box tkhd)
    {
        if (Child(file, moov, "mvhd") is not { } mvhd)
            return null;
        var movieMatrix = Matrix(file, mvhd.Start + (Version(file, mvhd) == 1 ? 48 : 36));
        if (movieMatrix is not (Fixed16, 0, 0, Fixed16))
            return null;
        // The matrix is the 36 bytes before tkhd's width and height: a, b, u, c, d, v, x, y, w.
        return Matrix(file, tkhd.End - 8 - 36) switch
        {
            (Fixed16, 0, 0, Fixed16) => 0,
            (0, Fixed16, -Fixed16, 0) => -90,
            (-Fixed16, 0, 0, -Fixed16) => -180,
            (0, -Fixed16, Fixed16, 0) => 90,
            _ => null,
        };
    }

    private static (int A, int B, int C, int D) Matrix(Stream file, long offset)
    {
        var m = Read(file, offset, 20);
        return (BinaryPrimitives.ReadInt32BigEndian(m), BinaryPrimitives.ReadInt32BigEndian(m.AsSpan(4)),
            BinaryPrimitives.ReadInt32BigEndian(m.AsSpan(12)), BinaryPrimitives.ReadInt32BigEndian(m.AsSpan(16)));
    }
}
