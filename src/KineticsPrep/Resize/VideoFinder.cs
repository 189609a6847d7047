namespace KineticsPrep.Resize;

/// <summary>Finds the source videos under a folder and maps each to its output under another, mirroring subfolders.</summary>
public static class VideoFinder
{
    public sealed record Scan(IReadOnlyList<ResizeJob> Jobs, IReadOnlyList<string> IgnoredDuplicates);

    /// <summary>
    /// Every video under <paramref name="source"/> with one of <paramref name="extensions"/>, as a job whose output is
    /// the same relative path with ".mp4". When several sources map to one output, the one whose extension comes first
    /// in <paramref name="extensions"/> wins and the others are ignored. Hidden files and folders, and the destination
    /// when it lies inside the source, are not searched.
    /// </summary>
    public static Scan Find(string source, string destination, IReadOnlyList<string> extensions)
    {
        var sourceRoot = Path.GetFullPath(source);
        var destinationRoot = Path.GetFullPath(destination);
        var rank = extensions
            .Select((ext, index) => (ext: ext.TrimStart('.'), index))
            .GroupBy(e => e.ext, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Min(e => e.index), StringComparer.OrdinalIgnoreCase);

        var candidates = new DirectoryInfo(sourceRoot)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(file => rank.ContainsKey(file.Extension.TrimStart('.')))
            .Where(file => !IsUnder(file.FullName, destinationRoot))
            .Select(file => new
            {
                Job = new ResizeJob(
                    file.FullName,
                    Path.Combine(destinationRoot, Path.ChangeExtension(Path.GetRelativePath(sourceRoot, file.FullName), ".mp4")),
                    file.Length),
                Rank = rank[file.Extension.TrimStart('.')],
            });

        var jobs = new List<ResizeJob>();
        var ignored = new List<string>();
        foreach (var group in candidates.GroupBy(c => c.Job.OutputPath, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(c => c.Rank).ThenBy(c => c.Job.SourcePath, StringComparer.Ordinal).ToList();
            jobs.Add(ordered[0].Job);
            ignored.AddRange(ordered.Skip(1).Select(c => c.Job.SourcePath));
        }

        jobs.Sort((a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
        ignored.Sort(StringComparer.Ordinal);
        return new Scan(jobs, ignored);
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
