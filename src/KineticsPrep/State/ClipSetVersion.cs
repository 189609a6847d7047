using System.Security.Cryptography;
using System.Text;

namespace KineticsPrep.State;

/// <summary>
/// The version of a root's clips, as one short digest of every resized clip its stores record (path and SHA-256, or
/// size and modification time where no hash was kept). Lists record the version they were written from: a clip made,
/// made again or taken back since makes them stale.
/// </summary>
public static class ClipSetVersion
{
    /// <returns>16 hex digits.</returns>
    public static string Of(IEnumerable<StateStore> stores)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var clip in stores.SelectMany(s => s.ResizedClips()).DistinctBy(c => c.Path).OrderBy(c => c.Path, StringComparer.Ordinal))
            digest.AppendData(Encoding.UTF8.GetBytes($"{clip.Path}\t{clip.Sha256 ?? $"{clip.Bytes}:{clip.ModifiedTicks}"}\n"));
        return Convert.ToHexStringLower(digest.GetHashAndReset())[..16];
    }
}
