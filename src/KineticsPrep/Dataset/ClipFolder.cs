namespace KineticsPrep.Dataset;

/// <summary>
/// A folder of clips named after their CSV rows, by CVDF name (<c>youtubeid_000010_000020</c>) or by bare YouTube id,
/// with one extension: the part of a <see cref="ListedClip"/>'s path that its clips share.
/// </summary>
internal sealed record ClipFolder(string Folder, string Extension, bool NamedById)
{
    public string PathOf(AnnotationRow row) => Join(Folder, NamedById ? row.YoutubeId : row.ClipName, Extension);

    /// <summary>The path of the clip file <paramref name="name"/><paramref name="extension"/> in <paramref name="folder"/>.</summary>
    public static string Join(string folder, string name, string extension) =>
        string.Concat(folder, Path.EndsInDirectorySeparator(folder) ? "" : Separator, name, extension);

    private static string Separator { get; } = Path.DirectorySeparatorChar.ToString();
}
