namespace KineticsPrep.Dataset;

/// <summary>
/// The rule for a file or folder name taken from outside data (a mirror's list file, an archive entry, a class name):
/// one plain name that stays where it is put.
/// </summary>
public static class PlainName
{
    /// <returns>Null for a plain name; otherwise why it is not one.</returns>
    public static string? Problem(string name) =>
        name.Length == 0 ? "the name is empty"
        : name is "." or ".." ? $"'{name}' is not a file name"
        : name.IndexOfAny(['/', '\\']) >= 0 ? "the name holds a path separator"
        : name.Any(char.IsControl) ? "the name holds a control character"
        : null;
}
