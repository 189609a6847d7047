using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>One split's rows matched to clips: the clips listed, and the rows with no clip.</summary>
internal sealed record SplitList(string Split, int CsvRows, IReadOnlyList<ListedClip> Entries, IReadOnlyList<AnnotationRow> Missing)
{
    /// <summary>The rows left out by --exclude-overlap-with.</summary>
    public IReadOnlyList<AnnotationRow> Excluded { get; init; } = [];
}
