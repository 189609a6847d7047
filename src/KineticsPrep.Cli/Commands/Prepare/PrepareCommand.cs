using System.CommandLine;
using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Commands.Stages;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.IO;
using KineticsPrep.Pipeline;
using KineticsPrep.Resize;
using KineticsPrep.Running;

namespace KineticsPrep.Cli.Commands.Prepare;

/// <summary><c>kinetics-prep prepare k400 --root DIR</c>: download, extract, resize and annotate, pipelined per archive.</summary>
internal static class PrepareCommand
{
    private static readonly Argument<string> Dataset = SharedOptions.Dataset(k710: true);
    private static readonly Option<DatasetRoot> Root = SharedOptions.Root("Dataset root.").WritesLists();
    private static readonly Option<string> Splits = SharedOptions.Splits();
    private static readonly Option<string?> MirrorOption = SharedOptions.Mirror();
    private static readonly Option<bool> KeepOriginals = new("--keep-originals") { Description = "Keep the extracted clips (for --reencode)." };
    private static readonly Option<bool> KeepArchives = new("--keep-archives") { Description = "Keep the archives once extracted." };
    private static readonly Option<bool> Reencode = new("--reencode")
    {
        Description = "Make the clips again with new encode settings.",
    };
    private static readonly Option<string?> ExcludeOverlapWith = SharedOptions.ExcludeOverlapWith();
    private static readonly Option<string?> Classes = SharedOptions.Classes();
    private static readonly Option<int?> MaxPerClass = SharedOptions.MaxPerClass();
    private static readonly Option<bool> Force = new("--force") { Description = "Start even if the disk looks too small." };
    private static readonly Option<string?> ShardOption = new("--shard") { Description = "Do slice I of N. Default: the job array's.", HelpName = "I/N" };
    private static readonly Option<int?> ShardCount = new Option<int?>("--shard-count")
    {
        Description = "N shards, the index from Slurm or Kubernetes.",
        HelpName = "N",
    }.Require(count => count is null or >= 1, "--shard-count must be at least 1.");
    private static readonly Option<bool> Finalize = new("--finalize") { Description = "After the shards: check, write the lists." };
    private static readonly Option<bool> Plan = new("--plan", "--dry-run") { Description = "Show what it would do, the disk and the time; write nothing." };
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips resized at once.");
    private static readonly Option<int> Jobs = SharedOptions.Jobs("Archives downloaded ahead.", 2);
    private static readonly Option<string?> Format = SharedOptions.ListFormat();
    private static readonly Option<string?> Labels = SharedOptions.Labels();
    private static readonly EncodeOptions Encode = new();
    private static readonly Option<string?> For = Codebase.Option();
    private static readonly Option<int> Retries = SharedOptions.Retries();
    private static readonly Option<int> MinimumRate = SharedOptions.MinimumRate();

    public static Command Create(CliServices services)
    {
        var command = new Command("prepare", "Download, extract, resize and annotate: resumable, shardable.")
        {
            Dataset, Root, For, Plan, Splits, MirrorOption, KeepOriginals, KeepArchives, Reencode, Force, ShardOption, ShardCount, Finalize, Workers, Jobs, Format, Labels,
            Retries, MinimumRate, ExcludeOverlapWith, Classes, MaxPerClass,
        };
        Encode.AddTo(command);
        command.WithExamples("prepare k400 --root /data/k400", "prepare k700-2020 --root /d/k700 --short-side 256 --format csv", "prepare k400 --root /shared/k400 --shard-count 16  # Slurm array");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var dataset = parse.GetRequiredValue(Dataset).ToLowerInvariant();
        // Kinetics-710's releases are set by K710Prepare; K400 stands in until then.
        var version = DatasetCatalog.Find(dataset == DatasetCatalog.K710 ? DatasetCatalog.K710Releases[0] : dataset)!;
        var (splits, splitError) = SharedOptions.ParseSplits(parse.GetRequiredValue(Splits), version);
        if (splitError is not null)
            throw new RefusedException(splitError);
        Shard shard;
        try
        {
            shard = parse.GetValue(ShardOption) is { } text
                ? Shard.Parse(text)
                : Shard.FromEnvironment(Environment.GetEnvironmentVariable, parse.GetValue(ShardCount)) ?? Shard.Whole;
        }
        catch (FormatException e)
        {
            throw new RefusedException(e.Message);
        }
        var subset = SharedOptions.Subset(parse, Classes, MaxPerClass);
        if (dataset == DatasetCatalog.K710 && subset is not null)
            throw new RefusedException("--classes and --max-per-class are not available for k710 (its classes merge renamed ones); prepare k710 whole.");
        // A re-encode switches the whole root to the new clips at once, when all are made: one plain run does it.
        if (parse.GetValue(Reencode) && (!shard.IsWhole || dataset == DatasetCatalog.K710))
            throw new RefusedException("--reencode makes every clip of a root again, then switches the root to them at once: run it as one plain " +
                                       (dataset == DatasetCatalog.K710 ? "prepare of one release (prepare k710 into another --root instead)." : "prepare, not as shards."));
        if (subset?.Classes is { } classes && ReleaseClasses.Problem(version.Name, classes) is { } unknown)
            throw new RefusedException(unknown);
        var tools = await services.MediaToolsAsync(cancellationToken);

        var root = parse.GetRequiredValue(Root);
        var options = new PrepareOptions(version, root)
        {
            Splits = splits,
            Mirror = new Mirror(parse.GetValue(MirrorOption)),
            Shard = shard,
            KeepOriginals = parse.GetValue(KeepOriginals),
            KeepArchives = parse.GetValue(KeepArchives),
            Reencode = parse.GetValue(Reencode),
            Force = parse.GetValue(Force),
            DownloadJobs = parse.GetValue(Jobs),
            Download = new DownloadOptions { Retries = parse.GetValue(Retries), MinimumRate = parse.GetValue(MinimumRate) * 1024L },
            Resize = Encode.Read(parse, new ResizeOptions { Workers = parse.GetValue(Workers) }, Codebase.Of(parse, For)),
            Subset = subset,
        };
        var excluded = parse.GetValue(ExcludeOverlapWith);
        var finalize = parse.GetValue(Finalize);
        if (parse.GetValue(Plan))
        {
            if (dataset == DatasetCatalog.K710 || finalize || !shard.IsWhole)
                throw new RefusedException("--plan shows one release's plain run: not with k710, --finalize or shards.");
            var codebase = Codebase.Of(parse, For);
            // No root and no lock: nothing is written.
            return new WritePlan(null, async (session, token) => PlanPrinter.Print(session.Console,
                options, await session.Console.SayIfSlowAsync(
                    $"Reading the archive lists and sizes from {options.Mirror.Address}, and timing a sample encode on this machine",
                    PreparePlan.MakeAsync(options, new FileDownloader(services.Http, options.Download), tools, token)),
                parse.GetValue(Format) ?? codebase?.Format ?? ListFormat.Default.Name,
                parse.GetValue(Labels) ?? codebase?.LabelsFor(dataset) ?? "the sorted train labels"));
        }
        return new WritePlan(root, async (session, token) =>
        {
            var console = session.Console;
            var exclusion = ExclusionSetting.Claim(root, session.Store, excluded);
            // Shards write no lists: --finalize (or a plain run) settles the format and label map.
            var codebase = Codebase.Of(parse, For);
            if (codebase is not null)
                console.Out.WriteLine(codebase.Describe(dataset));
            var (format, labels) = shard.IsWhole || finalize
                ? ListsRecipe.Claim(root, parse.GetValue(Format) ?? codebase?.Format, parse.GetValue(Labels) ?? codebase?.LabelsFor(dataset),
                    dataset == DatasetCatalog.K710 ? DatasetCatalog.K710LabelMap : null)
                : (ListFormat.Default, null);
            if (shard.IsWhole && !finalize)
                PlanPrinter.PrintRecipe(console, options.Resize, format.Name, labels is null ? "the sorted train labels" : Path.GetFileName(labels));
            var fetch = services.AnnotationFetch(options.Mirror.Prefix);
            var run = options with
            {
                ExcludeIds = await console.SayIfSlowAsync(WaitNotice.Fetching(fetch, exclusion),
                    fetch.ExcludedIdsAsync(root, exclusion, token)),
                ListFormat = format,
                Labels = labels,
            };
            var downloader = new FileDownloader(services.Http, run.Download);
            if (!shard.IsWhole)
                console.Out.WriteLine($"Shard {shard.Index}/{shard.Count} (state: {root.StateFile(shard.StateName)})");
            if (dataset == DatasetCatalog.K710)
                return await RunK710Async(console, new K710Prepare(run, downloader, tools), run, finalize, token);

            var pipeline = new PreparePipeline(run, downloader, tools);
            PrepareResult result;
            if (finalize)
            {
                result = await pipeline.FinalizeAsync(token);
            }
            else
            {
                // The lists, the annotation files and every archive's size come first: on a slow mirror, seconds or more.
                console.Out.WriteLine(pipeline.KnowsPlan
                    ? "The archives to do are known from the root's records (the mirror's lists are not read again)."
                    : $"Reading the archive lists and sizes from {run.Mirror.Address} …");
                var start = await pipeline.StartAsync(token);
                PrintStart(console, start, root, "", $" Disk: expected peak {Bytes.Format(start.Estimate.PeakBytes)}, {Bytes.Format(start.Estimate.FreeBytes)} free.");
                result = await RunAsync(console, pipeline, start, token);
            }
            return PrintOutcome(console, run, [result], result.Lists);
        })
        {
            StoreName = shard.StateName,
            MayCreate = true,
        };
    }

    /// <summary>
    /// prepare k710: the recipe from the three releases' annotation files, then each release's run (only the clips the
    /// recipe keeps from it), then the K710 lists.
    /// </summary>
    private static async Task<int> RunK710Async(CliConsole console, K710Prepare k710, PrepareOptions options, bool finalize, CancellationToken cancellationToken)
    {
        var recipe = await console.SayIfSlowAsync($"Reading the annotation files of {string.Join(", ", DatasetCatalog.K710Releases)}",
            k710.PlanAsync(cancellationToken));
        var steps = recipe.Counts;
        console.Out.WriteLine($"Kinetics-710 from {string.Join(", ", DatasetCatalog.K710Releases)}: {steps.TrainRows} train and {steps.ValRows} val rows; " +
                              $"{steps.TrainUnique} and {steps.ValUnique} YouTube ids; {steps.ValAlsoInTrain} val ids also in train left out: " +
                              $"{steps.Train} train and {steps.Val} val clips (details: {k710.RecipeFile}).");
        var results = new List<PrepareResult>();
        if (finalize)
        {
            results.AddRange(await k710.FinalizeAsync(recipe, cancellationToken));
        }
        else
        {
            var (parts, estimate) = await k710.StartAsync(recipe, cancellationToken);
            console.Out.WriteLine($"Disk: expected peak {Bytes.Format(estimate.PeakBytes)} for the three releases, {Bytes.Format(estimate.FreeBytes)} free.");
            foreach (var part in parts)
            {
                PrintStart(console, part.Start, options.Root, $"{part.Release}: ", "");
                results.Add(await RunAsync(console, part.Pipeline, part.Start, cancellationToken));
            }
        }
        var lists = options.Shard.IsWhole || finalize ? await k710.WriteListsAsync(cancellationToken) : null;
        return PrintOutcome(console, options, results, lists);
    }

    /// <summary>The line before a run: re-encoding, and how many archives are left to do (with <paramref name="disk"/>).</summary>
    private static void PrintStart(CliConsole console, PrepareStart start, DatasetRoot root, string release, string disk)
    {
        if (start.Reencoding.Count > 0)
            console.Out.WriteLine($"Re-encoding the clips from their originals ({string.Join(", ", start.Reencoding)})." +
                                  (start.Reencoding.FirstOrDefault(c => c.Option == "--short-side") is { } side
                                      ? $" The clips in {Path.GetFileName(root.Resized(int.Parse(side.Recorded, CultureInfo.InvariantCulture)))}/ are left as they are."
                                      : ""));
        var reopened = start.Reopened.Count == 0 ? ""
            : $" ({start.Reopened.Count} done before, with clips to make again: failed for a reason that may pass, or changed or deleted since)";
        if (start.Remaining.Count == 0 && start.Reencoding.Count == 0)
            console.Out.WriteLine($"{release}The root is complete: all {Words.Count(start.Archives.Count, "archive")} processed, no clip to make again.");
        else
            console.Out.WriteLine($"{release}{start.Remaining.Count} of {Words.Count(start.Archives.Count, "archive")} to do{reopened}.{disk}");
    }

    /// <summary>The archives processed, the lists' summary, notes and failures; how many failed.</summary>
    private static int PrintOutcome(CliConsole console, PrepareOptions options, IReadOnlyList<PrepareResult> results, ListsSummary? lists)
    {
        console.Out.WriteLine($"{results.Sum(r => r.ArchivesProcessed)}/{Words.Count(results.Sum(r => r.Archives), "archive")} processed.");
        if (lists is not null)
            AnnotateSummary.Print(console, lists, options.ListsFolder);
        else if (!options.Shard.IsWhole)
            console.Out.WriteLine("When every shard has finished, run the same command with --finalize to write the lists.");
        foreach (var note in results.SelectMany(r => r.Notes))
            console.Error.WriteLine($"Note: {note}");
        var failures = results.SelectMany(r => r.Failures).ToList();
        foreach (var failure in failures.Take(100))
            console.Error.WriteLine($"Failed: {failure}");
        if (failures.Count > 100)
            console.Error.WriteLine($"… and {failures.Count - 100} more; see 'kinetics-prep status --root {options.Root.Path}'.");
        return failures.Count + (lists?.Problems ?? 0);
    }

    /// <summary>The pipeline under prepare's own progress line (also for the demo).</summary>
    public static Task<PrepareResult> RunAsync(CliConsole console, PreparePipeline pipeline, PrepareStart start, CancellationToken cancellationToken) =>
        StageDisplay.RunAsync(console, "prepare", StageProgress.None("archives"), Frame, progress => pipeline.RunAsync(start, progress, cancellationToken),
            "Cancelled. Run the same command again to continue where it stopped.");

    /// <summary>
    /// Archives, clips/s, MiB/s downloaded, ETA, and the download waiting to retry or the archive under way.
    /// </summary>
    public static ProgressFrame Frame(StageProgress p, TimeSpan elapsed)
    {
        var clips = p.Inner ?? new InnerCount("clips resized", 0, 0);
        var stats = string.Create(CultureInfo.InvariantCulture,
            $"{clips.Done} {clips.Unit} ({Throughput.PerSecond(clips.Finished, elapsed):0.0} clips/s), {clips.Failed} failed, " +
            $"{Bytes.Format(p.AmountDone)} downloaded ({Bytes.Format((long)Throughput.PerSecond(p.AmountDone, elapsed))}/s)");
        var detail = p.Retry is { } retry ? StageDisplay.Waiting(retry) : p.Finished < p.Items && p.Current is { Length: > 0 } current ? current : null;
        return new ProgressFrame(p.Items == 0 ? 0 : (double)(p.AlreadyDone + p.Finished) / (p.AlreadyDone + p.Items),
            $"{p.AlreadyDone + p.Finished}/{p.AlreadyDone + p.Items} archives", stats, StageDisplay.Eta(p.TimeLeft(elapsed)), detail);
    }
}
