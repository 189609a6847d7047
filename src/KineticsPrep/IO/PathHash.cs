using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace KineticsPrep.IO;

/// <summary>
/// A path as 64 bits (XxHash64 of its characters): how a root's 300k clip paths are held where only lookups are made,
/// about 40 bytes a clip where the strings would take a few hundred. Two paths of one root sharing a hash is about
/// one chance in 10^8 at 660k clips.
/// </summary>
public static class PathHash
{
    public static ulong Of(string path) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(path.AsSpan()));
}
