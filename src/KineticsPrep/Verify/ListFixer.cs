using KineticsPrep.Dataset;

namespace KineticsPrep.Verify;

/// <summary>Rewrites training lists without the clips verify found unreadable, in whichever format they were written.</summary>
public static class ListFixer
{
    /// <returns>How many lines, JSON items or links were removed.</returns>
    public static int RemoveClips(string listsFolder, IReadOnlySet<string> badPaths)
    {
        var labels = ListReader.Labels(listsFolder);
        var removed = 0;
        foreach (var (split, format) in ListReader.Written(listsFolder))
        {
            var lines = ListReader.Read(listsFolder, split, format, labels);
            var bad = lines.Where(line => format.PointsAt(line, badPaths)).ToList();
            if (bad.Count == 0)
                continue;
            removed += bad.Count;
            format.Rewrite(format.PathFor(listsFolder, split), lines.Except(bad).ToList(), bad);
        }
        return removed;
    }
}
