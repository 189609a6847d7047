using System.Buffers.Binary;

namespace KineticsPrep.IO;

/// <summary>
/// A SHA-256 held in 32 bytes instead of its 64-character hex string (about 150 bytes as a .NET string): what a
/// manifest of 300k clips keeps in memory twice per clip. <see cref="ToString"/> gives the hex back.
/// </summary>
public readonly record struct Sha256Hex(UInt128 High, UInt128 Low)
{
    /// <summary>Null for null or anything but 64 hex digits.</summary>
    public static Sha256Hex? Parse(string? hex)
    {
        if (hex is not { Length: 64 })
            return null;
        Span<byte> bytes = stackalloc byte[32];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return null;
        return new Sha256Hex(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));
    }

    /// <summary>Lower-case hex, as the manifest writes it.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt128BigEndian(bytes[16..], Low);
        return Convert.ToHexStringLower(bytes);
    }
}
