namespace KineticsPrep.Dataset;

/// <summary>One line of a training list: a clip that exists, its class id (-1 when unlabelled) and its CSV row.</summary>
public sealed record ListedClip(string Path, int LabelId, AnnotationRow Row);
