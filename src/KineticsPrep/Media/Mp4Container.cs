using System.Buffers.Binary;

namespace KineticsPrep.Media;

/// <summary>
/// Checks in-process that an mp4 is whole before it is renamed into place: its top-level boxes tile the file
/// exactly, it starts with 'ftyp', and it has the sample data ('mdat') and the index ('moov') with a non-zero duration.
/// A file cut short by a full disk or a killed writer fails at least one of these.
/// </summary>
public static class Mp4Container
{
    /// <returns>Null when the file is whole; otherwise what is wrong with it.</returns>
    public static string? Problem(Stream file)
    {
        var length = file.Length;
        long offset = 0;
        bool hasIndex = false, hasData = false;
        double? duration = null;
        Span<byte> header = stackalloc byte[16];
        while (offset < length)
        {
            if (length - offset < 8)
                return $"{length - offset} stray bytes after the last box";
            file.Position = offset;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Mp4Boxes.TypeName(header[4..8]);
            if (offset == 0 && type != "ftyp")
                return "the file does not start with an 'ftyp' box";
            var headerSize = 8;
            if (size == 1)
            {
                if (length - offset < 16)
                    return $"box '{type}' is cut off in its header";
                file.ReadExactly(header[8..16]);
                size = BinaryPrimitives.ReadInt64BigEndian(header[8..]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = length - offset;
            }
            if (size < headerSize)
                return $"box '{type}' at byte {offset} has an impossible size {size}";
            if (size > length - offset)
                return $"box '{type}' at byte {offset} needs {size} bytes, but the file ends {length - offset} bytes after its start";
            if (type == "moov")
            {
                hasIndex = true;
                duration = MovieDuration(file, new Mp4Box(type, offset + headerSize, offset + size));
            }
            hasData |= type == "mdat";
            offset += size;
        }
        if (!hasIndex)
            return "no 'moov' box: the index was never written";
        if (!hasData)
            return "no 'mdat' box: there is no sample data";
        if (duration is not > 0)
            return "the 'moov' box gives no duration";
        return null;
    }

    /// <summary>The duration in the moov's 'mvhd' box, in seconds.</summary>
    private static double? MovieDuration(Stream file, Mp4Box moov) =>
        Mp4Boxes.Child(file, moov, "mvhd") is { } mvhd && mvhd.End - mvhd.Start >= 32 && Mp4Boxes.Timescale(file, mvhd) is > 0 and var timescale
            ? (double)Mp4Boxes.Duration(file, mvhd) / timescale
            : null;
}
