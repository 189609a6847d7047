using System.Text;

namespace KineticsPrep;

/// <summary>
/// Writes a file under a temporary name (PATH.partial) and renames it into place, so a reader or a killed run never
/// sees half a file. UTF-8 without a BOM, LF line ends.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            write(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteAllText(string path, string text) => Write(path, writer => writer.Write(text));

    public static void WriteAllLines(string path, IEnumerable<string> lines) =>
        Write(path, writer =>
        {
            foreach (var line in lines)
                writer.WriteLine(line);
        });
}
