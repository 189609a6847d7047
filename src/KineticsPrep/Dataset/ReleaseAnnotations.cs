namespace KineticsPrep.Dataset;

/// <summary>
/// The annotation files a root holds, by release and split: those of its own release in <c>annotations/</c>, and
/// those of other releases in <c>annotations/&lt;release&gt;/</c> (a Kinetics-710 root's, or fetched for an overlap
/// check).
/// </summary>
public static class ReleaseAnnotations
{
    /// <param name="release">The root's own release, as its store recorded it; null when unknown ("this root").</param>
    public static IReadOnlyList<(SplitOfRelease Split, string Path)> Under(DatasetRoot root, string? release)
    {
        var files = new List<(SplitOfRelease, string)>();
        if (Directory.Exists(root.Annotations))
            files.AddRange(SplitFiles.In(root.Annotations).Select(f => (new SplitOfRelease(release ?? "this root", f.Split), f.Path)));
        foreach (var version in DatasetCatalog.Versions)
        {
            var folder = root.ForRelease(version.Name).Annotations;
            if (Directory.Exists(folder))
                files.AddRange(SplitFiles.In(folder).Select(f => (new SplitOfRelease(version.Name, f.Split), f.Path)));
        }
        return files.DistinctBy(f => f.Item1).ToList();
    }

    /// <summary>The YouTube ids of an annotation file (malformed rows left out).</summary>
    public static HashSet<string> Ids(string path, string split) =>
        AnnotationCsv.Read(path, split, new List<BadRow>()).Select(r => r.YoutubeId).ToHashSet(StringComparer.Ordinal);
}
