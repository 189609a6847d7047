using System.Buffers.Binary;
using System.IO.Compression;
using KineticsPrep.IO;

namespace KineticsPrep.Download;

/// <summary>
/// Whether a downloaded tar or tar.gz ends as a whole one does, for a server that sent no length to check it against:
/// the gzip stream decompresses to its end, its trailer's size (ISIZE, the length modulo 2^32) matches what came out,
/// and the tar ends with its two zero blocks. A file cut anywhere fails at least one of these.
/// </summary>
internal static class ArchiveEnd
{
    private const int TarBlock = 512;
    private const int EndBlocks = 2 * TarBlock;

    /// <param name="file">The archive's bytes, readable and seekable; left open.</param>
    /// <returns>Null when whole; otherwise what is wrong.</returns>
    public static async Task<string?> ProblemAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Seek(0, SeekOrigin.Begin);
        var gzip = await IsGzipAsync(file, cancellationToken);
        uint? trailerSize = gzip ? await TrailerSizeAsync(file, cancellationToken) : null;
        try
        {
            long length;
            bool endIsZero;
            if (gzip)
            {
                await using var inflated = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                (length, endIsZero) = await ReadToEndAsync(inflated, cancellationToken);
            }
            else
            {
                (length, endIsZero) = await ReadToEndAsync(file, cancellationToken);
            }
            if (trailerSize is { } expected && (uint)length != expected)
                return $"the gzip trailer says {expected} bytes inside, but {length} came out";
            if (length % TarBlock != 0 || !endIsZero)
                return "the tar does not end with its end-of-archive blocks";
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"the gzip stream is damaged: {e.Message}";
        }
    }

    private static async Task<bool> IsGzipAsync(Stream file, CancellationToken cancellationToken)
    {
        var magic = new byte[2];
        var read = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken);
        file.Seek(0, SeekOrigin.Begin);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    private static async Task<uint?> TrailerSizeAsync(Stream file, CancellationToken cancellationToken)
    {
        if (file.Length < 18)
            return null;
        var trailer = new byte[4];
        file.Seek(-4, SeekOrigin.End);
        await file.ReadExactlyAsync(trailer, cancellationToken);
        file.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    /// <returns>The bytes read, and whether the last <see cref="EndBlocks"/> of them are zeros.</returns>
    private static async Task<(long Length, bool EndIsZero)> ReadToEndAsync(Stream content, CancellationToken cancellationToken)
    {
        using var pooled = new PooledBuffer(1 << 20);
        var buffer = pooled.Bytes;
        var tail = new byte[EndBlocks];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            // Keep the last EndBlocks bytes seen.
            if (read >= EndBlocks)
            {
                Array.Copy(buffer, read - EndBlocks, tail, 0, EndBlocks);
            }
            else
            {
                Array.Copy(tail, read, tail, 0, EndBlocks - read);
                Array.Copy(buffer, 0, tail, EndBlocks - read, read);
            }
            length += read;
        }
        return (length, length >= EndBlocks && tail.All(b => b == 0));
    }
}
