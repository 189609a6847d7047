namespace KineticsPrep.Report;

/// <summary>A class and its clips per split; <see cref="Weak"/> when its total is far below the median.</summary>
public sealed record ClassClips(string Label, IReadOnlyDictionary<string, int> PerSplit, int Total, bool Weak);
