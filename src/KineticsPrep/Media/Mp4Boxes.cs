using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace KineticsPrep.Media;

/// <summary>Walks the boxes of an mp4 and reads fields from them, for the readers of its headers.</summary>
internal static class Mp4Boxes
{
    /// <summary>
    /// What <paramref name="read"/> makes of a file's boxes (small reads, here and there); null when the file can't be
    /// read or ends before a box it names.
    /// </summary>
    public static T? ReadFile<T>(string path, Func<Stream, T?> read) where T : class
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
            return read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The boxes inside [start, end), stopping at the first that does not fit.</summary>
    public static IEnumerable<Mp4Box> Children(Stream file, long start, long end)
    {
        var header = new byte[16];
        for (var offset = start; end - offset >= 8;)
        {
            file.Position = offset;
            file.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = TypeName(header.AsSpan(4, 4));
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
            yield return new Mp4Box(type, offset + headerSize, offset + size);
            offset += size;
        }
    }

    public static IEnumerable<Mp4Box> Children(Stream file, Mp4Box parent) => Children(file, parent.Start, parent.End);

    public static Mp4Box? Child(Stream file, Mp4Box parent, string type)
    {
        foreach (var box in Children(file, parent))
        {
            if (box.Type == type)
                return box;
        }
        return null;
    }

    /// <summary>A box type (or handler type) as a string, made once per type: a file's headers name the same few dozen.</summary>
    public static string TypeName(ReadOnlySpan<byte> fourCharacters) =>
        TypeNames.GetOrAdd(BinaryPrimitives.ReadUInt32BigEndian(fourCharacters), static code =>
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, code);
            return Encoding.ASCII.GetString(bytes);
        });

    private static readonly ConcurrentDictionary<uint, string> TypeNames = new();

    /// <summary>Every track of the file's 'moov', with that 'moov', in file order.</summary>
    public static IEnumerable<(Mp4Box Moov, Mp4Box Trak)> Tracks(Stream file)
    {
        foreach (var moov in Children(file, 0, file.Length))
        {
            if (moov.Type != "moov")
                continue;
            foreach (var trak in Children(file, moov))
            {
                if (trak.Type == "trak")
                    yield return (moov, trak);
            }
        }
    }

    /// <summary>The handler type of a track ("vide", "soun", …).</summary>
    public static string? Handler(Stream file, Mp4Box trak) =>
        Child(file, trak, "mdia") is { } mdia && Child(file, mdia, "hdlr") is { } hdlr && hdlr.End - hdlr.Start >= 12
            ? TypeName(Read(file, hdlr.Start + 8, stackalloc byte[4])) // version and flags, pre_defined, then the type
            : null;

    public static byte[] Read(Stream file, long offset, int count)
    {
        var bytes = new byte[count];
        Read(file, offset, bytes);
        return bytes;
    }

    /// <returns><paramref name="into"/>, filled from <paramref name="offset"/>.</returns>
    public static Span<byte> Read(Stream file, long offset, Span<byte> into)
    {
        file.Position = offset;
        file.ReadExactly(into);
        return into;
    }

    public static uint U32(Stream file, long offset) => BinaryPrimitives.ReadUInt32BigEndian(Read(file, offset, stackalloc byte[4]));

    /// <summary>A full box's version, then a time or duration field that is 4 bytes in version 0 and 8 in version 1.</summary>
    public static byte Version(Stream file, Mp4Box box) => Read(file, box.Start, stackalloc byte[1])[0];

    /// <summary>'mvhd' or 'mdhd': the timescale, after the creation and modification times.</summary>
    public static uint Timescale(Stream file, Mp4Box header) => U32(file, header.Start + (Version(file, header) == 1 ? 20 : 12));

    /// <summary>'mvhd' or 'mdhd': the duration, in the box's timescale.</summary>
    public static long Duration(Stream file, Mp4Box header) =>
        Version(file, header) == 1
            ? BinaryPrimitives.ReadInt64BigEndian(Read(file, header.Start + 24, stackalloc byte[8]))
            : U32(file, header.Start + 16);
}
