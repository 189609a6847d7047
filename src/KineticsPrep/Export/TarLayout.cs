namespace KineticsPrep.Export;

/// <summary>
/// The bytes a ustar archive spends: a 512-byte header per member, its data padded to 512 bytes, and two zero blocks
/// at the end. Enough to plan shards to the byte before writing them.
/// </summary>
public static class TarLayout
{
    public const int Block = 512;

    /// <summary>Ustar's name field; longer names need an extension that would break the byte count.</summary>
    public const int MaxName = 100;

    public const long End = 2 * Block;

    public static long Member(long dataBytes) => Block + (dataBytes + Block - 1) / Block * Block;
}
