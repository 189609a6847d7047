namespace KineticsPrep.Dataset;

/// <summary>One split of one release, written <c>k400:val</c> on the command line and in reports.</summary>
public sealed record SplitOfRelease(string Release, string Split)
{
    public override string ToString() => $"{Release}:{Split}";

    /// <summary>"k400:val,k600:train" → the splits, or why not.</summary>
    public static (IReadOnlyList<SplitOfRelease> Splits, string? Error) ParseList(string text)
    {
        var splits = new List<SplitOfRelease>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            var version = parts.Length == 2 ? DatasetCatalog.Find(parts[0]) : null;
            if (version is null || !version.Splits.Contains(parts[1], StringComparer.Ordinal))
                return ([], $"'{item}' is not RELEASE:SPLIT (releases: {string.Join(", ", DatasetCatalog.Versions.Select(v => v.Name))}; " +
                            "splits: train, val, test), e.g. k400:val");
            splits.Add(new SplitOfRelease(version.Name, parts[1]));
        }
        return (splits, null);
    }
}
