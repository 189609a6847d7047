using System.Security.Cryptography;
using System.Text;

namespace KineticsPrep.State;

/// <summary>
/// The version of a root's clips, as one short digest of the output settings and of every resized clip its stores
/// record (path and size). Lists record the version they were written from: clips made or taken back since, or made
/// with other settings, make them stale. Neither times nor hashes go in, which a killed and resumed run records
/// differently for the same bytes. The stores' clips are read in path order and merged as they stream, so that the
/// version of 300k clips costs no memory.
/// </summary>
public static class ClipSetVersion
{
    /// <returns>16 hex digits.</returns>
    public static string Of(IEnumerable<StateStore> stores)
    {
        var all = stores.ToList();
        using var digest = Settings(all);
        foreach (var (path, bytes, _) in SortedMerge.Distinct(all.Select(s => s.ResizedSizes()), c => c.Path))
            digest.AppendData(Encoding.UTF8.GetBytes($"{path}\t{bytes}\n"));
        return Convert.ToHexStringLower(digest.GetHashAndReset())[..16];
    }

    /// <summary>
    /// A stand-in for <see cref="Of"/> that costs no read of the clips: the output settings and each store's count of
    /// changes to its clips. Equal marks mean an equal version; a different mark may still hide the same version (a
    /// clip made again as it was), so it is only for telling that nothing changed, on this machine.
    /// </summary>
    public static string Mark(IEnumerable<StateStore> stores)
    {
        var all = stores.ToList();
        using var digest = Settings(all);
        foreach (var store in all)
            digest.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(store.Path)}\t{store.ResizedChanges()}\n"));
        return Convert.ToHexStringLower(digest.GetHashAndReset())[..16];
    }

    private static IncrementalHash Settings(IReadOnlyList<StateStore> stores)
    {
        var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, value) in stores.SelectMany(s => s.Settings()).Where(s => s.Key.StartsWith("--", StringComparison.Ordinal))
                     .DistinctBy(s => s.Key).OrderBy(s => s.Key, StringComparer.Ordinal))
            digest.AppendData(Encoding.UTF8.GetBytes($"{name}={value}\n"));
        return digest;
    }
}
