using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Other releases' annotation files for an overlap check or an exclusion: those the root does not hold yet are fetched
/// into <c>annotations/&lt;release&gt;/</c> (they are small).
/// </summary>
public sealed class AnnotationFetch(FileDownloader downloader, Mirror mirror)
{
    /// <summary>Where missing files are fetched from: the mirror given, else the CVDF's.</summary>
    public string Source => mirror.Address;

    /// <param name="release">The root's own release, when its store recorded one.</param>
    /// <returns>The file of each wanted split, in the order asked.</returns>
    /// <exception cref="DownloadFailedException">A file could not be fetched.</exception>
    public async Task<IReadOnlyList<(SplitOfRelease Split, string Path)>> EnsureAsync(
        DatasetRoot root, string? release, IReadOnlyList<SplitOfRelease> wanted, CancellationToken cancellationToken)
    {
        var held = ReleaseAnnotations.Under(root, release).ToDictionary(f => f.Split, f => f.Path);
        var files = new List<(SplitOfRelease, string)>();
        var checkedMirror = false;
        foreach (var split in wanted)
        {
            if (!held.TryGetValue(split, out var path))
            {
                path = root.ForRelease(split.Release).AnnotationFile(split.Split);
                var url = mirror.Map(DatasetCatalog.Find(split.Release)!.AnnotationUrl(split.Split));
                try
                {
                    // Once, and at once: a mirror that cannot be reached is said in seconds, not after every retry.
                    if (!checkedMirror)
                        await downloader.CheckReachableAsync([url], Source, cancellationToken);
                    checkedMirror = true;
                }
                catch (MirrorUnreachableException e)
                {
                    throw new MirrorUnreachableException(
                        $"{root.Path} has no {split} annotation file (looked for {path}), and fetching it failed: {e.Message} " +
                        "Give --mirror (a server or a folder with the CVDF's tree), or put the CSV there.", e);
                }
                await downloader.DownloadAsync(url, path, null, cancellationToken);
            }
            files.Add((split, path));
        }
        return files;
    }

    /// <summary>Every YouTube id of the wanted splits.</summary>
    /// <exception cref="DownloadFailedException">A file could not be fetched.</exception>
    public async Task<IReadOnlySet<string>> IdsAsync(DatasetRoot root, string? release, IReadOnlyList<SplitOfRelease> wanted, CancellationToken cancellationToken) =>
        (await EnsureAsync(root, release, wanted, cancellationToken))
        .SelectMany(f => ReleaseAnnotations.Ids(f.Path, f.Split.Split))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The YouTube ids of the splits --exclude-overlap-with names ("k400:val,k600:val"), their files fetched
    /// into the root when missing; null when it names none.</summary>
    /// <exception cref="PrepareRefusedException">A file could not be fetched.</exception>
    public async Task<IReadOnlySet<string>?> ExcludedIdsAsync(DatasetRoot root, string? splits, CancellationToken cancellationToken)
    {
        if (splits is null)
            return null;
        try
        {
            return await IdsAsync(root, RunFacts.ReleaseOf(root), SplitOfRelease.ParseList(splits).Splits, cancellationToken);
        }
        catch (DownloadFailedException e)
        {
            throw new PrepareRefusedException($"cannot fetch the annotation file for --exclude-overlap-with: {e.Message}");
        }
    }
}
