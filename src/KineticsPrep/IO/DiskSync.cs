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
    /// <summary>Flushes every file in <paramref name="paths"/> to disk; with syncfs, once per folder they are in.</summary>
    /// <exception cref="DiskFullException">The disk or the quota filled up before the files were on it.</exception>
    /// <exception cref="IOException">Another error of the disk, naming the folder.</exception>
    public static void Files(IEnumerable<string> paths)
    {
        foreach (var inFolder in paths.GroupBy(path => Path.GetDirectoryName(path)!))
        {
            try
            {
                if (!SyncFileSystem(inFolder.First()))
                {
                    foreach (var path in inFolder)
                    {
                        using var file = Open(path);
                        RandomAccess.FlushToDisk(file);
                    }
                }
            }
            catch (IOException e) when (DiskSpace.IsFull(e))
            {
                throw new DiskFullException(inFolder.Key, null, e);
            }
        }
    }

    private static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>syncfs(2) of the file system holding <paramref name="path"/>; false where there is none.</summary>
    private static bool SyncFileSystem(string path)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        using var file = Open(path);
        try
        {
            if (SyncFs(file) == 0)
                return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        throw new IOException($"{Path.GetDirectoryName(path)}: flushing to disk failed: {Marshal.GetLastPInvokeErrorMessage()}",
            Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(SafeFileHandle file);
}
