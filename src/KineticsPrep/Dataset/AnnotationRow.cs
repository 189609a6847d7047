namespace KineticsPrep.Dataset;

/// <summary>One row of a Kinetics CSV. <see cref="Label"/> is null in the old unlabelled test CSV.</summary>
public sealed record AnnotationRow(string? Label, string YoutubeId, int TimeStart, int TimeEnd, string Split, int Line)
{
    /// <summary>The CVDF clip file name without extension: <c>youtubeid_000010_000020</c>.</summary>
    public string ClipName => ClipNames.For(YoutubeId, TimeStart, TimeEnd);
}
