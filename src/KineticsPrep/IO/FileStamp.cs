using System.Runtime.InteropServices;

namespace KineticsPrep.IO;

/// <summary>
/// What tells a file's bytes from other bytes without reading them: its size, modification time and, where the system
/// gives it, its status-change time (ctime), which a hand edit that restores the modification time still moves.
/// </summary>
/// <param name="ModifiedTicks">As <see cref="FileSystemInfo.LastWriteTimeUtc"/>'s ticks.</param>
/// <param name="ChangedTicks">The ctime in the same ticks; null where it cannot be read (not Linux).</param>
public readonly partial record struct FileStamp(long Bytes, long ModifiedTicks, long? ChangedTicks)
{
    /// <summary>The stamp of the file at <paramref name="path"/>; null when there is no such file.</summary>
    public static FileStamp? Of(string path)
    {
        if (OperatingSystem.IsLinux() && Statx(path) is { } stamp)
            return stamp;
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks, null) : null;
    }

    /// <summary>The same bytes, as far as the stamps tell: a stamp recorded without a ctime is judged by size and time.</summary>
    public bool Matches(FileStamp recorded) =>
        Bytes == recorded.Bytes && ModifiedTicks == recorded.ModifiedTicks
        && (recorded.ChangedTicks is null || ChangedTicks is null || ChangedTicks == recorded.ChangedTicks);

    // struct statx (linux/stat.h) is laid out the same on every architecture: the mode at byte 28, the size at 40, each time as
    // (s64 seconds, u32 nanoseconds, s32 reserved), ctime at byte 96 and mtime at byte 112.
    private const int StatxSize = 256, ModeOffset = 28, SizeOffset = 40, ChangedOffset = 96, ModifiedOffset = 112;
    private const int FileTypeMask = 0xF000, RegularFile = 0x8000;
    private const int AtFdCwd = -100, StatxBasicStats = 0x7ff;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxCall(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>Null when statx fails (no such file, or no statx here) or the path is not a regular file.</summary>
    private static FileStamp? Statx(string path)
    {
        var buffer = _buffer ??= new byte[StatxSize];
        try
        {
            if (StatxCall(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
                return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        var span = buffer.AsSpan();
        if ((BitConverter.ToUInt16(span[ModeOffset..]) & FileTypeMask) != RegularFile)
            return null;
        return new FileStamp(BitConverter.ToInt64(span[SizeOffset..]), Ticks(span[ModifiedOffset..]), Ticks(span[ChangedOffset..]));
    }

    private static long Ticks(ReadOnlySpan<byte> timestamp) =>
        DateTime.UnixEpoch.Ticks + BitConverter.ToInt64(timestamp) * TimeSpan.TicksPerSecond + BitConverter.ToUInt32(timestamp[8..]) / 100;
}
