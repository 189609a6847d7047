namespace KineticsPrep.Dataset;

/// <summary>One row of a Kinetics CSV. <see cref="Label"/> is null in the old unlabelled test CSV.</summary>
public sealed record AnnotationRow(string? Label, string YoutubeId, int TimeStart, int TimeEnd, string Split, int Line)
{
    /// <summary>The CVDF clip file name without extension: <c>youtubeid_000010_000020</c>.</summary>
    public string ClipName => ClipNames.For(YoutubeId, TimeStart, TimeEnd);
}

/// <summary>A row that could not be read: the file, its line and what is wrong.</summary>
public sealed record BadRow(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>A CSV problem that stops the run, named by file and line.</summary>
public sealed class AnnotationException(string message) : KineticsPrepException(message, isFatal: true);
