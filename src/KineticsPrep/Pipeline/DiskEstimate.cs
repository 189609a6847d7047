namespace KineticsPrep.Pipeline;

/// <summary>
/// The most disk a prepare run should need at once, against what is free. Archives are deleted once extracted and
/// originals once resized (unless kept), so the peak is the resized output plus the few archives in flight.
/// </summary>
public sealed record DiskEstimate(long PeakBytes, long FreeBytes)
{
    /// <summary>
    /// Resized clips (short side 320, H.264 crf 23) against the archive bytes they come from. Kinetics clips are mostly
    /// 360p–1080p; a conservative guess, on the high side: better to warn than to fill a disk.
    /// </summary>
    public const double ResizedFraction = 0.35;

    public bool Fits => PeakBytes <= FreeBytes;

    public static DiskEstimate For(IReadOnlyList<long> remainingArchiveBytes, PrepareOptions options, long freeBytes)
    {
        if (remainingArchiveBytes.Count == 0)
            return new DiskEstimate(0, freeBytes);
        var total = remainingArchiveBytes.Sum();
        var largest = remainingArchiveBytes.Max();
        var resized = (long)(total * ResizedFraction);
        // Downloading, queued and being processed, plus the processed archive's extracted clips.
        var inFlight = (options.DownloadJobs + 2) * largest;
        var kept = (options.KeepArchives ? total : 0) + (options.KeepOriginals ? total : 0);
        return new DiskEstimate(resized + inFlight + kept, freeBytes);
    }
}
