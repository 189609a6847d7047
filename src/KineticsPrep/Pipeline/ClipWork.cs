using KineticsPrep.Resize;

namespace KineticsPrep.Pipeline;

/// <summary>A clip to resize, and the archive it belongs to.</summary>
internal sealed record ClipWork(ResizeJob Job, ArchiveTracker Tracker);
