using System.Formats.Tar;
using KineticsPrep.IO;

namespace KineticsPrep.Export;

/// <summary>One WebDataset shard on disk: written whole or not at all, and checked against its plan on a rerun.</summary>
public static class ShardFile
{
    // Fixed owner, mode and time: the same samples give the same bytes, so a resumed export equals a clean one.
    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch;
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes the shard under its temporary name; <see cref="AtomicFile.Commit"/> gives it its own.</summary>
    /// <exception cref="DiskFullException">The disk filled up; the temporary file is removed.</exception>
    public static void Write(string path, IReadOnlyList<WebDatasetSample> samples, CancellationToken cancellationToken) =>
        AtomicFile.WriteTemporary(path, stream =>
        {
            using var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true);
            foreach (var sample in samples)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (name, small) in sample.Members)
                {
                    using var data = small is null
                        ? new FileStream(sample.ClipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
                        : (Stream)new MemoryStream(small, writable: false);
                    if (small is null && data.Length != sample.ClipBytes)
                        throw new IOException($"{sample.ClipPath} changed size while it was being exported");
                    tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
                    {
                        DataStream = data,
                        ModificationTime = Time,
                        Mode = Mode,
                        Uid = 0,
                        Gid = 0,
                    });
                }
            }
        });

    /// <summary>
    /// Whether the file at <paramref name="path"/> already is this shard: the same members in the same order, the clips
    /// of the same sizes, and the same label ids and metadata.
    /// </summary>
    public static bool Holds(string path, IReadOnlyList<WebDatasetSample> samples)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != ShardPlan.Bytes(samples))
            return false;
        try
        {
            using var stream = File.OpenRead(path);
            using var tar = new TarReader(stream);
            foreach (var (name, small, size) in samples.SelectMany(s => s.Members.Select(m => (m.Name, m.Small, Size: m.Small?.Length ?? s.ClipBytes))))
            {
                var entry = tar.GetNextEntry();
                if (entry is null || entry.Name != name || entry.Length != size)
                    return false;
                if (small is not null && !ReadAll(entry.DataStream!).SequenceEqual(small))
                    return false;
            }
            return tar.GetNextEntry() is null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static byte[] ReadAll(Stream data)
    {
        using var copy = new MemoryStream();
        data.CopyTo(copy);
        return copy.ToArray();
    }
}
