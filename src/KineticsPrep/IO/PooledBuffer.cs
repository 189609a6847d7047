using System.Buffers;

namespace KineticsPrep.IO;

/// <summary>
/// A large buffer borrowed from the shared pool for one copy, and given back after. A new 1 MiB array for each archive
/// is a large-object allocation, and every few of those start a background collection of the whole heap, which costs
/// more the more clips the run has recorded.
/// </summary>
public sealed class PooledBuffer(int size) : IDisposable
{
    public byte[] Bytes { get; } = ArrayPool<byte>.Shared.Rent(size);

    public void Dispose() => ArrayPool<byte>.Shared.Return(Bytes);
}
