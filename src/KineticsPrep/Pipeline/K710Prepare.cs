using System.Text.Json;
using KineticsPrep.Annotate;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.IO;
using KineticsPrep.Media;

namespace KineticsPrep.Pipeline;

/// <summary>
/// prepare k710: K400, K600 and K700-2020 (train and val) under one root, each release's archives and annotation files
/// in folders of their own (<see cref="DatasetRoot.ForRelease"/>), the clips shared. The recipe is taken from the
/// annotation files before any archive: each release then resizes only the clips the recipe keeps from it, so a clip
/// that several releases hold is resized once. The lists come from the recipe's rows, written as
/// <c>annotations/k710/{train,val}.csv</c>, with the videomaev2-k710 label map.
/// </summary>
public sealed class K710Prepare(PrepareOptions options, FileDownloader downloader, MediaTools tools)
{
    /// <summary>Where the recipe's rows and numbers go.</summary>
    public string RecipeFolder => options.Root.ForRelease(DatasetCatalog.K710).Annotations;

    /// <summary>The recipe's steps and the ids kept with other time ranges: lists/k710_recipe.json.</summary>
    public string RecipeFile => Path.Combine(options.ListsFolder, "k710_recipe.json");

    /// <summary>Fetches every release's train and val annotation files (when not there yet) and applies the recipe.</summary>
    public async Task<K710Recipe.Result> PlanAsync(CancellationToken cancellationToken)
    {
        var members = new List<K710Recipe.Member>();
        foreach (var release in DatasetCatalog.K710Releases)
        {
            var part = Member(release, keep: null);
            await new PreparePipeline(part, downloader, tools).FetchAnnotationsAsync(cancellationToken);
            var badRows = new List<BadRow>();
            var rows = DatasetCatalog.K710Splits.Select(split => part.Root.AnnotationFile(split))
                .Select((file, i) => File.Exists(file) ? AnnotationCsv.Read(file, DatasetCatalog.K710Splits[i], badRows) : [])
                .ToList();
            members.Add(new K710Recipe.Member(release, rows[0], rows[1]));
        }
        var recipe = K710Recipe.Build(members);
        Directory.CreateDirectory(RecipeFolder);
        WriteRows(Path.Combine(RecipeFolder, "train.csv"), recipe.Train);
        WriteRows(Path.Combine(RecipeFolder, "val.csv"), recipe.Val);
        Directory.CreateDirectory(options.ListsFolder);
        AtomicFile.WriteAllText(RecipeFile, JsonSerializer.Serialize(new K710RecipeSummary(recipe.Counts, recipe.OtherRanges), PipelineJson.Indented.K710RecipeSummary));
        return recipe;
    }

    /// <summary>One release's run and what it sets out to do.</summary>
    public sealed record Part(string Release, PreparePipeline Pipeline, PrepareStart Start);

    /// <summary>
    /// Starts every release's run (this shard's slice of each): the disk estimate is theirs together, since the clips
    /// of all three stay on the root.
    /// </summary>
    /// <exception cref="PrepareRefusedException">Together they will not fit (without --force), or a release's run is refused.</exception>
    public async Task<(IReadOnlyList<Part> Parts, DiskEstimate Estimate)> StartAsync(K710Recipe.Result recipe, CancellationToken cancellationToken)
    {
        var parts = new List<Part>();
        foreach (var release in DatasetCatalog.K710Releases)
        {
            var pipeline = PartOf(release, recipe);
            parts.Add(new Part(release, pipeline, await pipeline.StartAsync(cancellationToken)));
        }
        var estimate = new DiskEstimate(parts.Sum(p => p.Start.Estimate.PeakBytes), parts[0].Start.Estimate.FreeBytes);
        if (!estimate.Fits && !options.Force)
            throw new PrepareRefusedException(
                $"expected peak disk use of the three releases {Bytes.Format(estimate.PeakBytes)} is more than the {Bytes.Format(estimate.FreeBytes)} free " +
                $"under {options.Root.Path}; {PreparePipeline.DiskCheckHint}.");
        return (parts, estimate);
    }

    /// <summary>--finalize: checks every release's archives are processed by some shard, then writes the K710 lists.</summary>
    public async Task<IReadOnlyList<PrepareResult>> FinalizeAsync(K710Recipe.Result recipe, CancellationToken cancellationToken)
    {
        var results = new List<PrepareResult>();
        foreach (var release in DatasetCatalog.K710Releases)
            results.Add(await PartOf(release, recipe).FinalizeAsync(cancellationToken));
        return results;
    }

    /// <summary>
    /// The prepare run of one release, resizing only the clips the recipe keeps from it (its disk check is the set's),
    /// and, in a run of the whole set, the clips the recipe keeps from a release run before it whose archives lacked
    /// them: the same YouTube id and time span, taken from this release's archive (the manifest names which).
    /// </summary>
    public PreparePipeline PartOf(string release, K710Recipe.Result recipe)
    {
        var rows = recipe.Train.Concat(recipe.Val).ToList();
        var kept = new ClipSelection(rows.Where(r => r.Release == release).Select(r => (r.Annotation.Split, r.Annotation.ClipName)));
        var earlier = DatasetCatalog.K710Releases.TakeWhile(r => r != release).ToHashSet(StringComparer.Ordinal);
        var lacking = options.Shard.IsWhole
            ? rows.Where(r => earlier.Contains(r.Release)).ToDictionary(r => r.Annotation.ClipName, r => r.Annotation.Split, StringComparer.Ordinal)
            : [];
        return new PreparePipeline(Member(release, (split, clip) => kept.Contains(split, clip) || Lacked(lacking, clip)) with { Force = true }, downloader, tools);
    }

    /// <summary>Whether the clip belongs to a release run earlier, which did not make it (its archives lack it).</summary>
    private bool Lacked(Dictionary<string, string> earlierRows, string clipFileName) =>
        earlierRows.TryGetValue(Path.GetFileNameWithoutExtension(clipFileName), out var split)
        && !File.Exists(options.ResizedClip(split, clipFileName))
        && !File.Exists(options.ResizedClip(DatasetCatalog.ReplacementSplit, clipFileName));

    /// <summary>The K710 lists, from the recipe's rows and the resized clips, with the K710 label map unless --labels.</summary>
    public Task<ListsSummary> WriteListsAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.ResizedFolder);
        return new Annotator(new AnnotateOptions(RecipeFolder, options.ResizedFolder, options.ListsFolder)
        {
            Format = options.ListFormat,
            Labels = options.Labels ?? DatasetCatalog.K710LabelMap,
            ExcludeIds = options.ExcludeIds,
            ManifestRoot = options.Root,
        }, tools).RunAsync(cancellationToken);
    }

    private PrepareOptions Member(string release, Func<string, string, bool>? keep) =>
        options with
        {
            Version = DatasetCatalog.Find(release)!,
            Root = options.Root.ForRelease(release),
            Splits = DatasetCatalog.K710Splits,
            KeepClip = keep,
            WriteLists = false,
            PartOf = DatasetCatalog.K710,
        };

    /// <summary>The recipe's rows as a Kinetics CSV, with the release each came from.</summary>
    private static void WriteRows(string path, IReadOnlyList<K710Recipe.Row> rows) =>
        AtomicFile.Write(path, writer =>
        {
            writer.WriteLine("label,youtube_id,time_start,time_end,split,release");
            foreach (var (release, row) in rows)
                writer.WriteLine($"{CsvField.Quoted(row.Label ?? "")},{row.YoutubeId},{row.TimeStart},{row.TimeEnd},{row.Split},{release}");
        });
}
