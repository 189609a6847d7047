using System.Text;

namespace KineticsPrep;

/// <summary>
/// Writes a file under a temporary name (PATH.partial), flushes it to disk and renames it into place, so a reader or
/// a killed run never sees half a file. UTF-8 without a BOM, LF line ends.
/// </summary>
public static class AtomicFile
{
    public const string TemporarySuffix = ".partial";

    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static void Write(string path, Action<TextWriter> write) =>
        WriteBytes(path, file =>
        {
            using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });

    /// <summary>As <see cref="Write"/>, for binary content. Whatever stops <paramref name="write"/> (an exception, a
    /// cancellation) leaves the old file, and the temporary file is removed.</summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed and the old file kept.</exception>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = path + TemporarySuffix;
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e)
        {
            File.Delete(temporary);
            if (DiskSpace.IsFull(e) && e is not DiskFullException)
                throw new DiskFullException(folder, null, e);
            throw;
        }
    }

    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void WriteAllLines(string path, IEnumerable<string> lines) =>
        Write(path, writer =>
        {
            foreach (var line in lines)
                writer.WriteLine(line);
        });
}
