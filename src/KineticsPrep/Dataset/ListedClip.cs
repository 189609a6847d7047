namespace KineticsPrep.Dataset;

/// <summary>
/// One line of a training list: a clip that exists, its class id (-1 when unlabelled) and its CSV row. It keeps the
/// <see cref="ClipFolder"/> it shares with its neighbours and makes its path when asked: a root's 300k entries, all
/// held while its lists are written, would otherwise each hold a path.
/// </summary>
public sealed class ListedClip
{
    private readonly ClipFolder _folder;

    internal ListedClip(ClipFolder folder, int labelId, AnnotationRow row, bool isReplacement) =>
        (_folder, LabelId, Row, IsReplacement) = (folder, labelId, row, isReplacement);

    public int LabelId { get; }

    public AnnotationRow Row { get; }

    /// <summary>Whether the clip came from a replacement set (CVDF's, or one given) rather than the release's own.</summary>
    public bool IsReplacement { get; }

    public string Path => _folder.PathOf(Row);
}
