namespace KineticsPrep.State;

/// <summary>What verify found in a clip: readable or not (and why), and its duration, size, frame rate and codec.</summary>
public sealed record VerifiedClip(string Path, bool Ok, string? Reason, double? Duration, int? Width, int? Height, double? Fps, string? Codec);
