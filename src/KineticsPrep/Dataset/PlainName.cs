using KineticsPrep.IO;

namespace KineticsPrep.Dataset;

/// <summary>
/// The rule for a file or folder name taken from outside data (a mirror's list file, an archive entry, a class name):
/// one plain name that stays where it is put.
/// </summary>
public static class PlainName
{
    /// <summary>
    /// The longest name, in UTF-8 bytes, that file systems hold (ext4, XFS, Lustre, NFS: 255) less what our
    /// half-written files add (<see cref="AtomicFile.TemporarySuffix"/>).
    /// </summary>
    public const int MaxBytes = 255 - 8;

    /// <returns>Null for a plain name; otherwise why it is not one.</returns>
    public static string? Problem(string name) =>
        name.Length == 0 ? "the name is empty"
        : name is "." or ".." ? $"'{name}' is not a file name"
        : name.IndexOfAny(['/', '\\']) >= 0 ? "the name holds a path separator"
        : name.Any(char.IsControl) ? "the name holds a control character"
        : System.Text.Encoding.UTF8.GetByteCount(name) > MaxBytes
            ? $"the name is {System.Text.Encoding.UTF8.GetByteCount(name)} bytes long; file systems hold at most 255"
        : null;
}
