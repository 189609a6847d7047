using KineticsPrep.Dataset;

namespace KineticsPrep.Pipeline;

/// <summary>
/// The clips a run makes, by split and clip name (a subset of classes, a release's share of Kinetics-710). K400's
/// replacement clips stand in for train clips, so they are chosen as those.
/// </summary>
internal sealed class ClipSelection(IEnumerable<(string Split, string Clip)> clips)
{
    private readonly HashSet<(string Split, string Clip)> _clips = clips.ToHashSet();

    /// <summary>How many clips of a split it keeps.</summary>
    public int CountIn(string split) => _clips.Count(c => c.Split == split);

    /// <param name="split">The split of the archive the clip is in.</param>
    /// <param name="clipFileName">The clip's file name, with its extension.</param>
    public bool Contains(string split, string clipFileName) =>
        _clips.Contains((split == DatasetCatalog.ReplacementSplit ? "train" : split, Path.GetFileNameWithoutExtension(clipFileName)));
}
