using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Extract;

/// <summary>
/// Streams one Kinetics archive (gzip-compressed or plain tar, whatever its name says) into a flat folder of clips.
/// Nested folders are flattened; AppleDouble "._" files and non-video entries are skipped; links, devices and paths
/// that would leave the target are refused. Each clip is written under a temporary name and renamed when complete.
/// </summary>
public static class ArchiveExtractor
{
    private const int BufferSize = 1 << 20;

    /// <summary>Extracts every clip; throws <see cref="ArchiveCorruptException"/> where the archive breaks.</summary>
    public static async Task<ExtractOutcome> ExtractAsync(ArchiveJob job, IProgress<long>? bytesRead, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(job.TargetFolder);
        // A buffer under the large-object size: one of those per archive would start a collection of the whole heap.
        await using var file = new FileStream(job.ArchivePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var counted = new CountingStream(file, bytesRead);
        await using var content = IsGzip(file) ? new GZipStream(counted, CompressionMode.Decompress) : (Stream)counted;
        using var reader = new TarReader(content);

        var clips = new SortedDictionary<string, SourceClip>(StringComparer.Ordinal);
        // One buffer for the whole archive, borrowed: a large array per clip (or per archive) starts full collections.
        using var pooled = new PooledBuffer(BufferSize);
        var buffer = pooled.Bytes;
        var skipped = 0;
        var refused = new List<string>();
        var lastEntry = "(the start)";
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw new ArchiveCorruptException($"{job.ArchivePath}: truncated or corrupt after entry '{lastEntry}': {e.Message}");
            }
            if (entry is null)
                break;
            lastEntry = entry.Name;

            switch (Classify(entry))
            {
                case EntryKind.Clip when job.Keep?.Invoke(FileName(entry.Name)) == false:
                    // Another class's clip, or a clip another release of the set holds: not needed.
                    skipped++;
                    break;
                case EntryKind.Clip when clips.ContainsKey(FileName(entry.Name)):
                    // Two entries of one name (also from different folders, which are flattened): the first is kept.
                    refused.Add($"{entry.Name} (another entry of this name came first and is kept)");
                    break;
                case EntryKind.Clip:
                    try
                    {
                        var clip = await WriteClipAsync(job, entry, buffer, cancellationToken);
                        clips[clip.Name] = clip;
                    }
                    catch (PathTooLongException)
                    {
                        refused.Add($"{entry.Name} (the name is too long for the file system under {job.TargetFolder})");
                    }
                    break;
                case EntryKind.Refused:
                    refused.Add($"{entry.Name} ({RefusalReason(entry)})");
                    break;
                case EntryKind.Skipped:
                    skipped++;
                    break;
                case EntryKind.Folder:
                    break;
            }
        }
        // On disk before they are recorded and the archive deleted, all at once: a flush per clip cost more than its copy.
        DiskSync.Files(clips.Keys.Select(name => Path.Combine(job.TargetFolder, name)));
        return new ExtractOutcome(job, ExtractStatus.Extracted, clips.Values.ToList(), skipped, refused);
    }

    private static async Task CopyHashingAsync(Stream from, Stream to, IncrementalHash hash, byte[] buffer, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private enum EntryKind
    {
        Clip,
        Folder,
        Skipped,
        Refused,
    }

    private static EntryKind Classify(TarEntry entry)
    {
        if (entry.EntryType == TarEntryType.Directory)
            return EntryKind.Folder;
        if (!IsRegularFile(entry.EntryType) || EscapesTarget(entry.Name) || PlainName.Problem(FileName(entry.Name)) is not null)
            return EntryKind.Refused;
        var name = FileName(entry.Name);
        if (name.StartsWith("._", StringComparison.Ordinal) || !VideoFiles.IsVideo(name))
            return EntryKind.Skipped;
        return EntryKind.Clip;
    }

    private static string RefusalReason(TarEntry entry) =>
        !IsRegularFile(entry.EntryType) ? $"{entry.EntryType} entries are not extracted"
        : EscapesTarget(entry.Name) ? "path leaves the target folder"
        : PlainName.Problem(FileName(entry.Name))!;

    private static bool IsRegularFile(TarEntryType type) =>
        type is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile;

    private static bool EscapesTarget(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':')
        || name.Split('/', '\\').Any(segment => segment == "..");

    private static string FileName(string entryName) => entryName.Split('/', '\\').LastOrDefault(s => s.Length > 0) ?? "";

    /// <returns>The clip, hashed as its bytes were written (no second read).</returns>
    private static async Task<SourceClip> WriteClipAsync(ArchiveJob job, TarEntry entry, byte[] buffer, CancellationToken cancellationToken)
    {
        var name = FileName(entry.Name);
        var target = Path.Combine(job.TargetFolder, name);
        // Written again on a re-run of a half-extracted archive: a clip renamed into place is flushed to disk only with
        // the rest of its archive, so after a machine went down its bytes may not be there.
        var partial = target + AtomicFile.TemporarySuffix;
        try
        {
            // Unbuffered: a write that fails for lack of space fails once, and not again when the stream is disposed.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: true))
            {
                if (entry.DataStream is { } data)
                    await CopyHashingAsync(data, output, hash, buffer, cancellationToken);
                if (output.Length != entry.Length)
                    throw new ArchiveCorruptException(
                        $"{job.ArchivePath}: truncated in entry '{entry.Name}': {output.Length} of {entry.Length} bytes");
                await output.FlushAsync(cancellationToken);
            }
            File.Move(partial, target, overwrite: true);
            return new SourceClip(name, entry.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (IOException e) when (DiskSpace.IsFull(e))
        {
            throw new DiskFullException(job.TargetFolder, entry.Length, e);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ArchiveCorruptException($"{job.ArchivePath}: truncated or corrupt in entry '{entry.Name}': {e.Message}");
        }
        finally
        {
            if (File.Exists(partial))
                File.Delete(partial);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Seek(0, SeekOrigin.Begin);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
