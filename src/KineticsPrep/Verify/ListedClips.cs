using KineticsPrep.Dataset;

namespace KineticsPrep.Verify;

/// <summary>What a root's lists promise: every clip they name is on disk.</summary>
public static class ListedClips
{
    /// <summary>The clips a list of the root names that are not there: the list, and the clip's path as written.</summary>
    public static IReadOnlyList<(string List, string Clip)> Missing(DatasetRoot root)
    {
        var labels = ListReader.Labels(root.Lists);
        var missing = new List<(string, string)>();
        foreach (var (split, format) in ListReader.Written(root.Lists))
        {
            var list = Path.GetRelativePath(root.Path, format.PathFor(root.Lists, split));
            missing.AddRange(ListReader.Read(root.Lists, split, format, labels)
                .Where(line => !File.Exists(Path.Combine(root.Path, line.Path)))
                .Select(line => (list, line.Path)));
        }
        return missing;
    }
}
