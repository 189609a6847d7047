using System.Security.Cryptography;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Annotate;

/// <summary>
/// What the state stores under a root recorded of each clip, for the manifest: the original's archive, bytes and
/// SHA-256 (as extracted), and the resized clip's SHA-256. Read once; a clip is opened only when its hash was not recorded.
/// </summary>
public sealed class ManifestSources
{
    private readonly DatasetRoot _root;
    private readonly ILookup<string, (string Archive, long? Bytes, string? Sha256)> _sources;
    private readonly Dictionary<string, string?> _outputs;

    public ManifestSources(DatasetRoot root)
    {
        _root = root;
        var stores = Stores = StateStore.AllUnder(root, upgrade: true);
        _sources = stores.SelectMany(s => s.SourceClips())
            .ToLookup(c => Path.GetFileNameWithoutExtension(c.Clip), c => (c.Archive, c.Bytes, c.Sha256), StringComparer.Ordinal);
        _outputs = stores.SelectMany(s => s.ResizedClips()).DistinctBy(r => r.Path).ToDictionary(r => r.Path, r => r.Sha256, StringComparer.Ordinal);
    }

    /// <summary>The state stores under the root, opened once for the whole manifest.</summary>
    public IReadOnlyList<StateStore> Stores { get; }

    /// <summary>The original a clip was made from: CVDF's replacement when it was replaced, else the release's own.</summary>
    public (string Archive, long? Bytes, string? Sha256)? Source(string clipName, bool replaced)
    {
        var candidates = _sources[clipName].ToList();
        return candidates.Count == 0 ? null
            : candidates.OrderBy(c => c.Archive.Contains($"/{DatasetCatalog.ReplacementSplit}/", StringComparison.Ordinal) == replaced ? 0 : 1).First();
    }

    /// <summary>
    /// The SHA-256 recorded when the resized clip at <paramref name="path"/> was made; for a clip made without one (a
    /// run killed between its rename and its record, a root from before hashes were kept), the file is read now.
    /// </summary>
    public string? OutputSha256(string path)
    {
        if (_outputs.GetValueOrDefault(_root.Key(path)) is { } recorded)
            return recorded;
        if (!File.Exists(path))
            return null;
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
