using KineticsPrep.IO;

namespace KineticsPrep.Resize;

/// <summary>One source clip and the mp4 it becomes.</summary>
public sealed record ResizeJob(string SourcePath, string OutputPath, long SourceBytes)
{
    /// <summary>Where ffmpeg writes before the output is complete; renamed to <see cref="OutputPath"/> on success.</summary>
    public string PartialPath => OutputPath + AtomicFile.TemporarySuffix;
}
