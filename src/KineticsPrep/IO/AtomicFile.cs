using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text;

namespace KineticsPrep.IO;

/// <summary>
/// Writes a file under a temporary name (PATH.partial), flushes it to disk and renames it into place, so a reader or
/// a killed run never sees half a file. UTF-8 without a BOM, LF line ends.
/// </summary>
public static class AtomicFile
{
    /// <summary>What every half-written file of ours is called until it is whole: PATH.partial.</summary>
    public const string TemporarySuffix = ".partial";

    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static void Write(string path, Action<TextWriter> write) =>
        WriteBytes(path, file =>
        {
            using var writer = TextWriterOn(file);
            write(writer);
        });

    /// <summary>As <see cref="Write"/>, for content made as it is written.</summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static async Task WriteAsync(string path, Func<TextWriter, Task> write)
    {
        try
        {
            await using var file = OpenTemporary(path);
            await using var writer = TextWriterOn(file);
            await write(writer);
        }
        catch (Exception e)
        {
            RemoveAndRethrow(path, e);
        }
        Commit(path);
    }

    /// <summary>As <see cref="Write"/>, for binary content. Whatever stops <paramref name="write"/> (an exception, a
    /// cancellation) leaves the old file, and the temporary file is removed.</summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        WriteTemporary(path, write);
        Commit(path);
    }

    /// <summary>
    /// The first half of <see cref="WriteBytes"/>: writes PATH.partial, not yet flushed. <see cref="Commit"/> finishes
    /// it; in between, other work can go on while the disk catches up.
    /// </summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed.</exception>
    public static void WriteTemporary(string path, Action<Stream> write) =>
        CleaningUp(path, () =>
        {
            using var file = OpenTemporary(path);
            write(file);
        });

    private static FileStream OpenTemporary(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FileStream(path + TemporarySuffix, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    }

    private static StreamWriter TextWriterOn(Stream file) =>
        new(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };

    /// <summary>Flushes PATH.partial to disk and renames it to PATH.</summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static void Commit(string path) =>
        CleaningUp(path, () =>
        {
            var temporary = path + TemporarySuffix;
            using (var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                file.Flush(flushToDisk: true);
            File.Move(temporary, path, overwrite: true);
        });

    private static void CleaningUp(string path, Action work)
    {
        try
        {
            work();
        }
        catch (Exception e)
        {
            RemoveAndRethrow(path, e);
        }
    }

    /// <summary>Removes PATH.partial after <paramref name="e"/>, and throws it again (a full disk as <see cref="DiskFullException"/>).</summary>
    [DoesNotReturn]
    private static void RemoveAndRethrow(string path, Exception e)
    {
        File.Delete(path + TemporarySuffix);
        if (DiskSpace.IsFull(e) && e is not DiskFullException)
            throw new DiskFullException(Path.GetDirectoryName(Path.GetFullPath(path))!, null, e);
        ExceptionDispatchInfo.Throw(e);
    }

    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void WriteAllLines(string path, IEnumerable<string> lines) =>
        Write(path, writer =>
        {
            foreach (var line in lines)
                writer.WriteLine(line);
        });
}
