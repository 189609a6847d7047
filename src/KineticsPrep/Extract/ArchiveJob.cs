namespace KineticsPrep.Extract;

/// <summary>An archive and the folder its clips go to. <see cref="Key"/> names it in the state store.</summary>
public sealed record ArchiveJob(string ArchivePath, string Key, string Split, string TargetFolder, long Bytes);

public enum ExtractStatus
{
    Extracted,
    AlreadyDone,
    Failed,
}

/// <summary>
/// What extracting one archive did. Refused entries were hostile (links, devices, paths out of the target), had a name
/// the file system cannot hold, or repeated an earlier entry's name. <see cref="Corrupt"/>: the archive itself is
/// truncated or garbled (worth downloading again), as opposed to a folder that could not be written.
/// </summary>
public sealed record ExtractOutcome(
    ArchiveJob Job, ExtractStatus Status, IReadOnlyList<string> Clips, int Skipped, IReadOnlyList<string> Refused, string? Error = null,
    bool Corrupt = false)
{
    public int Files => Clips.Count;
}

public sealed record ExtractProgress(int Archives, int Done, int Failed, long Bytes, long BytesDone);

public sealed record ExtractSummary(IReadOnlyList<ExtractOutcome> Outcomes)
{
    public IEnumerable<ExtractOutcome> Failures => Outcomes.Where(o => o.Status == ExtractStatus.Failed);

    public IEnumerable<(ArchiveJob Job, string Entry)> Refused => Outcomes.SelectMany(o => o.Refused.Select(r => (o.Job, r)));
}
