using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// What the state stores under a root recorded of each clip, for the manifest: the original's archive, bytes and
/// SHA-256 (as extracted), and the resized clip's SHA-256. Read once; a clip is opened only when its hash was not
/// recorded. Held compactly (each archive's name once, hashes as 32 bytes, resized clips under their
/// <see cref="PathHash"/>), since a root's 300k clips are all held at once.
/// </summary>
public sealed class ManifestSources
{
    private readonly DatasetRoot _root;
    private readonly List<string> _archives = [];

    // By the PathHash of the clip's name: its first original, and any others (a clip the replacement archive also holds).
    private readonly Dictionary<ulong, Original> _originals;
    private readonly Dictionary<ulong, List<Original>> _otherOriginals = [];
    private readonly Dictionary<ulong, Sha256Hex?> _outputs;

    private readonly record struct Original(int Archive, long? Bytes, Sha256Hex? Sha256);

    public ManifestSources(DatasetRoot root)
    {
        _root = root;
        var stores = Stores = StateStore.AllUnder(root, upgrade: true);
        // Sized once from the stores' counts: grown by doubling, a root's dictionaries would leave their smaller copies
        // behind, large objects a full collection away from being freed, as tall as the run's peak.
        var totals = stores.Select(s => s.Totals()).ToList();
        _originals = new Dictionary<ulong, Original>(Capacity(totals.Sum(t => t.Clips)));
        _outputs = new Dictionary<ulong, Sha256Hex?>(Capacity(totals.Sum(t => t.Resized)));
        var archiveIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (archive, clip, bytes, sha256) in stores.SelectMany(s => s.SourceClips()))
        {
            if (!archiveIndex.TryGetValue(archive, out var index))
            {
                archiveIndex[archive] = index = _archives.Count;
                _archives.Add(archive);
            }
            var name = PathHash.Of(Path.GetFileNameWithoutExtension(clip));
            var original = new Original(index, bytes, Sha256Hex.Parse(sha256));
            if (_originals.TryAdd(name, original))
                continue;
            if (!_otherOriginals.TryGetValue(name, out var others))
                _otherOriginals[name] = others = [];
            others.Add(original);
        }
        foreach (var (path, sha256) in stores.SelectMany(s => s.ResizedHashes()))
            _outputs.TryAdd(PathHash.Of(path), Sha256Hex.Parse(sha256));
    }

    private static int Capacity(long count) => (int)Math.Min(count, Array.MaxLength);

    /// <summary>The state stores under the root, opened once for the whole manifest.</summary>
    public IReadOnlyList<StateStore> Stores { get; }

    /// <summary>The original a clip was made from: CVDF's replacement when it was replaced, else the release's own.</summary>
    public (string Archive, long? Bytes, string? Sha256)? Source(string clipName, bool replaced)
    {
        var name = PathHash.Of(clipName);
        if (!_originals.TryGetValue(name, out var first))
            return null;
        var (archive, bytes, sha256) = _otherOriginals.TryGetValue(name, out var others)
            ? others.Prepend(first).OrderBy(c => _archives[c.Archive].Contains($"/{DatasetCatalog.ReplacementSplit}/", StringComparison.Ordinal) == replaced ? 0 : 1).First()
            : first;
        return (_archives[archive], bytes, sha256?.ToString());
    }

    /// <summary>
    /// The SHA-256 recorded when the resized clip at <paramref name="path"/> was made; for a clip made without one (a
    /// run killed between its rename and its record, a root from before hashes were kept), the file is read now.
    /// </summary>
    public string? OutputSha256(string path)
    {
        if (_outputs.GetValueOrDefault(PathHash.Of(_root.Key(path))) is { } recorded)
            return recorded.ToString();
        if (!File.Exists(path))
            return null;
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
