using KineticsPrep.Media;

namespace KineticsPrep.Resize;

/// <summary>A clip about to be encoded: its source's stream facts and the size it becomes, written to
/// <paramref name="OutputPath"/>.</summary>
public sealed record PlannedClip(string SourcePath, string OutputPath, VideoInfo Info, TargetSize Size);
