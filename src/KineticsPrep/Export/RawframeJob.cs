namespace KineticsPrep.Export;

/// <summary>One clip to write as frames: its split, the video, the folder the frames go to, and the frames expected
/// (from lists/index.csv; null when it has no row).</summary>
internal sealed record RawframeJob(string Split, FileInfo Video, string Folder, long? ExpectedFrames, double? Duration)
{
    /// <summary>Where the frames are written until all are there: beside the folder, hidden.</summary>
    public string PartialFolder => Path.Combine(Path.GetDirectoryName(Folder)!, "." + Path.GetFileName(Folder) + ".partial");
}
