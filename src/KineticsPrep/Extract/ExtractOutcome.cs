using KineticsPrep.State;

namespace KineticsPrep.Extract;

/// <summary>
/// What extracting one archive did. Refused entries were hostile (links, devices, paths out of the target), had a name
/// the file system cannot hold, or repeated an earlier entry's name. <see cref="Corrupt"/>: the archive itself is
/// truncated or garbled (worth downloading again), as opposed to a folder that could not be written.
/// </summary>
public sealed record ExtractOutcome(
    ArchiveJob Job, ExtractStatus Status, IReadOnlyList<SourceClip> Sources, int Skipped, IReadOnlyList<string> Refused, string? Error = null,
    bool Corrupt = false)
{
    /// <summary>The clips' file names.</summary>
    public IReadOnlyList<string> Clips => Sources.Select(s => s.Name).ToList();

    public int Files => Sources.Count;
}
