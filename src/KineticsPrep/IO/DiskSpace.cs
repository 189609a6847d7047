namespace KineticsPrep.IO;

/// <summary>Free space, and telling "the disk is full" apart from other I/O errors.</summary>
public static class DiskSpace
{
    // errno on Linux (ENOSPC, EDQUOT) and macOS (ENOSPC, EDQUOT), then Windows' ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL.
    private static readonly int[] FullCodes = [28, 122, 69, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    /// <summary>The bytes free to this user on the file system that holds <paramref name="path"/>, or null when unknown.</summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var folder = Path.GetFullPath(path);
            while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
                folder = parent;
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="e"/>, or an exception inside it, says the disk or the quota is full.</summary>
    public static bool IsFull(Exception e) => e switch
    {
        DiskFullException => true,
        IOException io when FullCodes.Contains(io.HResult) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsFull),
        _ => e.InnerException is { } inner && IsFull(inner),
    };

    /// <summary>True when a tool's message (ffmpeg's stderr) says the disk or the quota is full.</summary>
    public static bool IsFullMessage(string message) =>
        message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase);
}
