using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>The provenance manifest's rows: every annotation row, with what became of it (a clip listed, corrupt,
/// missing, or excluded), where its original came from and what was made of it.</summary>
internal static class ManifestRows
{
    /// <param name="made">What was made of each clip listed and not corrupt, in the lists' order.</param>
    public static IEnumerable<ManifestRow> Of(
        IReadOnlyList<SplitList> lists, IReadOnlyDictionary<string, LabelMatch> resolved, Dictionary<string, string> corrupt, ProbedClips made,
        ManifestSources sources, Func<string, string> displayPath)
    {
        var next = 0;
        foreach (var list in lists)
        {
            foreach (var entry in list.Entries)
            {
                var replaced = list.Replaced.Contains(entry.Path);
                var isCorrupt = corrupt.ContainsKey(entry.Path);
                var status = isCorrupt ? "corrupt" : replaced ? "replaced" : "present";
                var source = sources.Source(Path.GetFileNameWithoutExtension(entry.Path), replaced);
                var (bytes, track) = isCorrupt ? (null, null) : ((long?)made.Bytes[next], made.Tracks[next++]);
                yield return new ManifestRow(entry.Row.YoutubeId, entry.Row.TimeStart, entry.Row.TimeEnd, list.Split, entry.Row.Label, entry.LabelId, status,
                    source?.Archive, source?.Bytes, source?.Sha256, displayPath(entry.Path), bytes, sources.OutputSha256(entry.Path),
                    track?.Frames, track?.FramesPerSecond, track?.Width, track?.Height);
            }
            foreach (var (row, status) in list.Missing.Select(r => (r, "missing")).Concat(list.Excluded.Select(r => (r, "excluded"))))
                yield return new ManifestRow(row.YoutubeId, row.TimeStart, row.TimeEnd, list.Split, row.Label,
                    row.Label is { } label && resolved.TryGetValue(label, out var match) ? match.Id : -1, status,
                    null, null, null, null, null, null, null, null, null, null);
        }
    }
}
