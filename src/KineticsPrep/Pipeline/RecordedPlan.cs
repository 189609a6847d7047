using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// The release's archives as runs read them from the mirror's lists, kept in the root's stores with how many each
/// split's list named and on which mirror: once every archive listed is planned by some store, a run takes its plan
/// from there (the CVDF lists do not change; the URLs move to this run's mirror), so that a finished root needs no
/// mirror at all. A list with a refused line is read again by every run, which names it again.
/// </summary>
internal static class RecordedPlan
{
    public static void Record(StateStore state, DatasetRoot root, DownloadPlan plan, Mirror mirror)
    {
        if (plan.Failures.Count == 0)
            state.RecordListed(plan.Archives.CountBy(a => a.Split).ToDictionary(c => ListName(root, c.Key), c => c.Value), mirror.Address);
    }

    /// <returns>Null unless every split's list (and K400's replacement archive) is recorded whole.</returns>
    public static DownloadPlan? Load(DatasetRoot root, DatasetVersion version, IReadOnlyList<string> splits, Mirror mirror)
    {
        var stores = StateStore.AllUnder(root, upgrade: true);
        var listed = stores.SelectMany(s => s.Listed()).DistinctBy(l => l.Split).ToDictionary(l => l.Split);
        // A root holding several releases (k710) keeps them in one store, each under its own archives folder.
        var archivesFolder = root.Key(root.Archives) + "/";
        var planned = stores.SelectMany(s => s.PlannedArchives()).Where(p => p.Archive.StartsWith(archivesFolder, StringComparison.Ordinal))
            .DistinctBy(p => p.Archive).ToList();
        var archiveSplits = splits.Where(s => version.Split(s).HasArchives)
            .Concat(version.ReplacementUrl is not null && splits.Contains("train") ? [DatasetCatalog.ReplacementSplit] : [])
            .ToList();
        foreach (var split in archiveSplits)
        {
            if (!listed.TryGetValue(ListName(root, split), out var list) || planned.Count(p => p.Split == split) != list.Archives)
                return null;
        }
        var annotations = splits.Select(split => new DownloadItem(mirror.Map(version.AnnotationUrl(split)), root.AnnotationFile(split), split) { IsAnnotation = true });
        var archives = planned.Where(p => archiveSplits.Contains(p.Split))
            .Select(p => new DownloadItem(Moved(p.Url, listed[ListName(root, p.Split)].Mirror, mirror.Address), Path.Combine(root.Path, p.Archive), p.Split));
        return new DownloadPlan(annotations.ToList(), archives.ToList(), []);
    }

    /// <summary>A split's list, by release where the root holds several.</summary>
    private static string ListName(DatasetRoot root, string split) => root.Release is null ? split : $"{root.Release}/{split}";

    private static string Moved(string url, string from, string to) =>
        url.StartsWith(from.TrimEnd('/'), StringComparison.Ordinal) ? to.TrimEnd('/') + url[from.TrimEnd('/').Length..] : url;
}
