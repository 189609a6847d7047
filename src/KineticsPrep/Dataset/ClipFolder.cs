namespace KineticsPrep.Dataset;

/// <summary>
/// A folder of clips named after their CSV rows, by CVDF name (<c>youtubeid_000010_000020</c>) or by bare YouTube id,
/// with one extension: the part of a <see cref="ListedClip"/>'s path that its clips share.
/// </summary>
internal sealed record ClipFolder(string Folder, string Extension, bool NamedById)
{
    public string PathOf(AnnotationRow row) =>
        string.Concat(Folder, Path.EndsInDirectorySeparator(Folder) ? "" : Separator, NamedById ? row.YoutubeId : row.ClipName, Extension);

    private static string Separator { get; } = Path.DirectorySeparatorChar.ToString();
}
