using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>One split's rows matched to clips: the clips listed, the rows with no clip, and the clips that came from
/// the replacement set.</summary>
internal sealed record SplitList(
    string Split, int CsvRows, IReadOnlyList<ListedClip> Entries, IReadOnlyList<AnnotationRow> Missing, HashSet<string> Replaced)
{
    /// <summary>The rows left out by --exclude-overlap-with.</summary>
    public IReadOnlyList<AnnotationRow> Excluded { get; init; } = [];
}
