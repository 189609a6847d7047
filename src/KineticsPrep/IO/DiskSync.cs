using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KineticsPrep.IO;

/// <summary>
/// Makes files written and renamed into place durable before a record says they are done: a machine that goes down
/// must not leave a record of a file the disk never got. Many files at once cost one syncfs(2) per folder on Linux,
/// where one fsync per file would cost a disk flush each; elsewhere each file is flushed.
/// </summary>
public static partial class DiskSync
{
    /// <summary>Flushes <paramref name="path"/> to disk.</summary>
    public static void File(string path)
    {
        using var handle = Open(path);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>Flushes every file in <paramref name="paths"/> to disk; with syncfs, once per folder they are in.</summary>
    public static void Files(IEnumerable<string> paths)
    {
        foreach (var inFolder in paths.GroupBy(Path.GetDirectoryName))
        {
            using var first = Open(inFolder.First());
            if (SyncFileSystem(first))
                continue;
            RandomAccess.FlushToDisk(first);
            foreach (var path in inFolder.Skip(1))
                File(path);
        }
    }

    private static SafeFileHandle Open(string path) =>
        System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>syncfs(2) of the file system holding <paramref name="file"/>; false where there is none.</summary>
    private static bool SyncFileSystem(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            if (SyncFs(file) == 0)
                return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        throw new IOException($"syncfs failed: {Marshal.GetLastPInvokeErrorMessage()}", Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(SafeFileHandle file);
}
