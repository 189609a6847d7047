namespace KineticsPrep.Tests;

/// <summary>
/// What a prepare run under a root has done, seen from outside as events, so that a test can kill it at the same point
/// of its work on a fast machine and a slow one: bytes written into archives (partial or whole), originals extracted,
/// clips resized into place, and commits to the state store (each one moves the WAL's modification time).
/// </summary>
public sealed class RunEvents
{
    public enum Kind
    {
        Bytes,
        Extracted,
        Clips,
        Commits,
    }

    /// <summary>A point to kill at: the <paramref name="Count"/>-th event of that kind since the run began.</summary>
    public sealed record Point(Kind Kind, long Count)
    {
        public override string ToString() => $"{Kind} {Count}";
    }

    private readonly string _root;
    private readonly long _bytes;
    private readonly HashSet<string> _extracted, _clips;
    private readonly HashSet<string> _newExtracted = [], _newClips = [];
    private DateTime _walWritten;
    private long _commits;

    /// <summary>Counts from now: what the root holds already is the baseline.</summary>
    public RunEvents(string root)
    {
        _root = root;
        (_bytes, _extracted, _clips) = (ArchiveBytes(), Files("videos"), Files("videos_320p"));
        _walWritten = WalWritten();
    }

    /// <summary>Looks once; true when <paramref name="point"/> has been reached.</summary>
    public bool Reached(Point point)
    {
        var written = WalWritten();
        if (written != _walWritten)
            (_commits, _walWritten) = (_commits + 1, written);
        return point.Kind switch
        {
            Kind.Bytes => ArchiveBytes() - _bytes >= point.Count,
            Kind.Extracted => Seen(_newExtracted, Files("videos"), _extracted) >= point.Count,
            Kind.Clips => Seen(_newClips, Files("videos_320p"), _clips) >= point.Count,
            _ => _commits >= point.Count,
        };
    }

    /// <summary>Clips that appeared since the start, remembered once seen: originals are deleted as they are resized.</summary>
    private static int Seen(HashSet<string> seen, IEnumerable<string> now, HashSet<string> before)
    {
        seen.UnionWith(now.Where(name => !before.Contains(name)));
        return seen.Count;
    }

    private long ArchiveBytes() => List(Path.Combine(_root, "archives"), "*").Sum(f => f.Exists ? f.Length : 0);

    /// <summary>The clips in place under a folder (not the hidden ones being written).</summary>
    private HashSet<string> Files(string folder) =>
        List(Path.Combine(_root, folder), "*.mp4").Where(f => !f.Name.StartsWith('.')).Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);

    private static List<FileInfo> List(string folder, string pattern)
    {
        try
        {
            return Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles(pattern, SearchOption.AllDirectories).ToList() : [];
        }
        catch (IOException)
        {
            // A folder removed while listed: the next look counts what is there.
            return [];
        }
    }

    private DateTime WalWritten()
    {
        var wal = Path.Combine(_root, ".kinetics-prep", "state.db-wal");
        return File.Exists(wal) ? File.GetLastWriteTimeUtc(wal) : DateTime.MinValue;
    }
}
