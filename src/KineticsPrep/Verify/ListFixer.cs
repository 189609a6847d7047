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
            var bad = lines.Where(line => IsBad(line, format, badPaths)).ToList();
            if (bad.Count == 0)
                continue;
            removed += bad.Count;
            var kept = lines.Except(bad).Select(line => line.Text).ToList();
            var path = ListWriter.PathFor(format, listsFolder, split);
            switch (format)
            {
                case ListFormat.Folders:
                    foreach (var link in bad)
                        File.Delete(link.Text);
                    break;
                case ListFormat.Json:
                    AtomicFile.WriteAllText(path, $"[{string.Join(',', kept)}]\n");
                    break;
                case ListFormat.Csv:
                    AtomicFile.WriteAllLines(path, kept.Prepend(string.Join(',', ListWriter.CsvFields)));
                    break;
                default:
                    AtomicFile.WriteAllLines(path, kept);
                    break;
            }
        }
        return removed;
    }

    // A link's target may be written relative to the link itself.
    private static bool IsBad(ListLine line, ListFormat format, IReadOnlySet<string> badPaths) =>
        badPaths.Contains(line.Path)
        || (format == ListFormat.Folders && badPaths.Contains(Path.GetFullPath(line.Path, Path.GetDirectoryName(line.Text)!)));
}
