using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>The provenance manifest's rows: every annotation row, with what became of it (a clip listed, corrupt,
/// missing, or excluded), where its original came from and what was made of it.</summary>
internal static class ManifestRows
{
    /// <param name="made">The index row of each clip listed and not corrupt, in the lists' order.</param>
    public static IEnumerable<ManifestRow> Of(
        IReadOnlyList<SplitList> lists, IReadOnlyDictionary<string, LabelMatch> resolved, CorruptClips corrupt, IEnumerable<ClipFacts> made,
        ManifestSources sources, Func<string, string> displayPath)
    {
        using var next = made.GetEnumerator();
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var path = entry.Path;
                var replaced = entry.IsReplacement;
                var isCorrupt = corrupt.Holds(entry);
                var status = isCorrupt ? "corrupt" : replaced ? "replaced" : "present";
                var source = sources.Source(Path.GetFileNameWithoutExtension(path), replaced);
                var facts = isCorrupt ? null : next.MoveNext() ? next.Current : throw new AnnotationException(
                    $"{ClipIndexFile.FileName} changed while the manifest was written (it has fewer rows than the lists): run annotate again");
                yield return new ManifestRow(entry.Row.YoutubeId, entry.Row.TimeStart, entry.Row.TimeEnd, list.Split, entry.Row.Label, entry.LabelId, status,
                    source?.Archive, source?.Bytes, source?.Sha256, displayPath(path), facts?.Bytes, sources.OutputSha256(path),
                    facts?.Frames, facts?.Fps, facts?.Width, facts?.Height);
            }
            foreach (var (row, status) in list.Missing.Select(r => (r, "missing")).Concat(list.Excluded.Select(r => (r, "excluded"))))
                yield return new ManifestRow(row.YoutubeId, row.TimeStart, row.TimeEnd, list.Split, row.Label,
                    row.Label is { } label && resolved.TryGetValue(label, out var match) ? match.Id : -1, status,
                    null, null, null, null, null, null, null, null, null, null);
        }
    }
}
