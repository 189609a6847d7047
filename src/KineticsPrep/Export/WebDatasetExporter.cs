using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Running;

namespace KineticsPrep.Export;

/// <summary>
/// Writes a root's lists as WebDataset shards: per split, <c>&lt;split&gt;-NNNNNN.tar</c> files of samples shuffled by
/// a seed, and <c>&lt;split&gt;-shards.json</c>. A shard that already holds what is planned for it is kept; others are
/// written whole under a temporary name and renamed, so a killed run never leaves half a shard behind a final name.
/// </summary>
public sealed class WebDatasetExporter(WebDatasetOptions options)
{
    private readonly DatasetRoot _root = new(options.Root);

    /// <summary>The lists the export reads are there: a command checks this before it writes anything.</summary>
    /// <exception cref="ExportException">No lists, or no labels.txt beside them, or a split asked for without a list.</exception>
    public static void Check(WebDatasetOptions options) => ExportLists.Open(new DatasetRoot(options.Root), options.Splits);

    /// <exception cref="ExportException">No lists, or no labels.txt beside them, or a split asked for without a list; nothing is written.</exception>
    /// <exception cref="DiskFullException">The disk filled up; finished shards are kept.</exception>
    public async Task<ExportSummary> RunAsync(IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var lists = ExportLists.Open(_root, options.Splits);
        var index = lists.Index();

        var manifests = new List<ShardManifest>();
        var failures = new List<ExportFailure>();
        int shardsWritten = 0, kept = 0;
        foreach (var (split, format) in lists.Lists)
        {
            var samples = Samples(split, lists.Clips(split, format, failures), lists.Labels, index);
            var shards = ShardPlan.Make(samples, options.Seed, options.ShardSize);
            var manifest = ShardManifest.For(split, options, shards, lists.Version);
            // Shards made from other lists are made again, even where their sizes and labels look the same (a clip
            // re-encoded to the same length). Without a manifest (a first run killed midway) the shards say for themselves.
            var sameLists = ShardManifest.Read(options.Out, split)?.MadeFrom is not { } madeFrom || madeFrom == lists.Version;
            RemoveStale(split, shards.Count);

            var done = 0L;
            // Each shard is flushed to disk and named while the next one is written.
            var committing = Task.CompletedTask;
            try
            {
                for (var i = 0; i < shards.Count; i++)
                {
                    progress?.Report(new StageProgress($"shards of {split}", shards.Count, 0, i, 0, manifest.Bytes, done));
                    var path = Path.Combine(options.Out, manifest.Shards[i].Name);
                    var shard = shards[i];
                    if (sameLists && await Task.Run(() => ShardFile.Holds(path, shard), cancellationToken))
                    {
                        kept++;
                    }
                    else
                    {
                        await Task.Run(() => ShardFile.Write(path, shard, cancellationToken), cancellationToken);
                        await committing;
                        committing = Task.Run(() => AtomicFile.Commit(path), CancellationToken.None);
                        shardsWritten++;
                    }
                    done += manifest.Shards[i].Bytes;
                }
            }
            finally
            {
                await committing;
            }
            progress?.Report(new StageProgress($"shards of {split}", shards.Count, 0, shards.Count, 0, manifest.Bytes, done));
            manifest.Write(options.Out);
            manifests.Add(manifest);
        }
        return new ExportSummary(manifests, shardsWritten, kept, failures);
    }

    /// <summary>The split's clips as samples, in list order.</summary>
    private static List<WebDatasetSample> Samples(
        string split, IReadOnlyList<ExportLists.Clip> clips, IReadOnlyList<string> labels, IReadOnlyDictionary<(string, string), ClipFacts> index)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<WebDatasetSample>();
        foreach (var (line, clip) in clips)
        {
            var name = Path.GetFileNameWithoutExtension(clip.Name);
            var key = UniqueKey(name, keys);
            var bytes = clip.Length;
            var (youtubeId, start, end) = ClipNames.Parse(name);
            var facts = index.GetValueOrDefault((split, line.Path));
            var metadata = new SampleMetadata(labels[line.LabelId], line.LabelId, youtubeId, start, end, split, line.Path,
                facts?.Frames, facts?.Fps, facts?.Duration, facts?.Width, facts?.Height, bytes, facts?.MaxKeyframeInterval);
            samples.Add(new WebDatasetSample(key, clip.FullName, bytes, line.LabelId, metadata.ToUtf8()));
        }
        return samples;
    }

    /// <summary>
    /// WebDataset groups a sample's files by the name up to the first dot, so a key has no dots; a clip listed twice
    /// gets a numbered key; a key stays short enough for a plain ustar header.
    /// </summary>
    private static string UniqueKey(string clipName, HashSet<string> taken)
    {
        var key = clipName.Replace('.', '_');
        const int longest = TarLayout.MaxName - 16;
        if (key.Length > longest)
            key = key[..longest];
        var unique = key;
        for (var n = 1; !taken.Add(unique); n++)
            unique = $"{key}_{n}";
        return unique;
    }

    /// <summary>Shards numbered beyond this run's count (left by a run with another size or list), and half-written ones.</summary>
    private void RemoveStale(string split, int shards)
    {
        if (!Directory.Exists(options.Out))
            return;
        foreach (var file in Directory.EnumerateFiles(options.Out, split + "-*.tar*"))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal)
                || (ShardManifest.NumberOf(split, name) is { } number && number >= shards))
                File.Delete(file);
        }
    }
}
