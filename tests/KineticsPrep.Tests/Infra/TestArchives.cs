using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace KineticsPrep.Tests;

/// <summary>Writes tar and tar.gz archives with whatever entries a test needs, hostile ones included.</summary>
public static class TestArchives
{
    public sealed record Entry(string Name, TarEntryType Type = TarEntryType.RegularFile, string? Content = null, string? LinkName = null);

    public static Entry File(string name, string? content = null) => new(name, TarEntryType.RegularFile, content ?? "clip " + name);

    public static string Write(string path, bool gzip, params Entry[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = System.IO.File.Create(path);
        using var compressed = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using (var writer = new TarWriter(compressed, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                var tar = new PaxTarEntry(entry.Type, entry.Name);
                if (entry.LinkName is not null)
                    tar.LinkName = entry.LinkName;
                if (entry.Content is not null)
                    tar.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(entry.Content));
                writer.WriteEntry(tar);
            }
        }
        return path;
    }

    /// <summary>Keeps the first <paramref name="fraction"/> of a file, as a broken download would.</summary>
    public static string Truncate(string path, double fraction)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        System.IO.File.WriteAllBytes(path, bytes[..(int)(bytes.Length * fraction)]);
        return path;
    }
}
