using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Export;
using KineticsPrep.IO;

namespace KineticsPrep.Cli.Commands.Export;

/// <summary><c>kinetics-prep export webdataset --root DIR</c>: the lists as shuffled WebDataset tar shards; and the
/// group that holds it and <see cref="ExportRawframesCommand"/>.</summary>
internal static class ExportCommand
{
    private static readonly RootInput Root = new("Dataset root: its lists (and lists/index.csv) say what goes in the shards.");
    private static readonly Option<string?> Splits = SplitsOption();
    private static readonly Option<long?> ShardSize = new Option<long?>("--shard-size")
    {
        // The default in words: System.CommandLine would show it in bytes.
        Description = "Largest shard, e.g. 1GiB, 512MiB, 1GB (10^9 bytes). A clip larger than this gets a shard of its own. " +
                      $"Default: {Bytes.Format(WebDatasetOptions.DefaultShardSize)}.",
        CustomParser = result => Bytes.Parse(result.Tokens.Single().Value) is { } bytes and >= 4096 ? bytes
            : ShardSizeError(result),
    };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seeds the shuffle; the same seed and lists give the same shards.", DefaultValueFactory = _ => 0 };
    private static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "Where the shards go. Default: ROOT/webdataset." };

    public static Command Create(CliServices services)
    {
        var webDataset = new Command("webdataset",
            "Write <split>-NNNNNN.tar shards of <key>.mp4, <key>.cls (label id) and <key>.json (label, YouTube id, time range, index facts), "
            + "shuffled by --seed, with <split>-shards.json. A rerun keeps finished shards.")
        {
            Splits, ShardSize, Seed, Out,
        };
        Root.AddTo(webDataset, "export webdataset");
        webDataset.WithExamples("export webdataset --root /data/k400", "export webdataset --root /data/k400 --shard-size 512MiB --seed 1");
        webDataset.Writes(services, (parse, _, _) => Task.FromResult(Plan(parse)));
        return new Command("export", "Write the dataset in a form that large-scale loaders read.") { webDataset, ExportRawframesCommand.Create(services) };
    }

    public static Option<string?> SplitsOption() => new("--splits") { Description = "Comma-separated splits. Default: every split with a list." };

    public static IReadOnlyList<string>? SplitsOf(ParseResult parse, Option<string?> splits) =>
        parse.GetValue(splits)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static long? ShardSizeError(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--shard-size: '{result.Tokens.Single().Value}' is no size of at least 4KiB (e.g. 1GiB, 512MiB, 1GB).");
        return 0;
    }

    /// <summary>The shards go to the root's webdataset/ folder, or to --out: the lock is the root's, or --out's when it lies elsewhere.</summary>
    private static WritePlan Plan(ParseResult parse)
    {
        var root = Root.Get(parse);
        var options = new WebDatasetOptions(root.Path, parse.GetValue(Out)?.FullName ?? Path.Combine(root.Path, "webdataset"))
        {
            Splits = SplitsOf(parse, Splits),
            Seed = parse.GetValue(Seed),
        };
        if (parse.GetValue(ShardSize) is { } shardSize)
            options = options with { ShardSize = shardSize };
        WebDatasetExporter.Check(options);
        var outside = !Path.GetFullPath(options.Out).StartsWith(root.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return new WritePlan(outside ? new DatasetRoot(options.Out) : root, (session, cancellationToken) => RunAsync(session, options, cancellationToken))
        {
            MayCreate = outside,
            KeepsState = !outside,
        };
    }

    private static async Task<int> RunAsync(RootSession session, WebDatasetOptions options, CancellationToken cancellationToken)
    {
        var console = session.Console;
        var summary = await session.ShowAsync("export", "shards", progress => new WebDatasetExporter(options).RunAsync(progress, cancellationToken),
            "Cancelled. Finished shards are kept; run the same command again to go on.");

        foreach (var split in summary.Splits)
            console.Out.WriteLine($"{split.Split}: {Words.Count(split.Samples, "sample")} in {Words.Count(split.Shards.Count, "shard")} ({Bytes.Format(split.Bytes)}), {split.Pattern}");
        console.Out.WriteLine($"{Words.Count(summary.ShardsWritten, "shard")} written, {summary.ShardsKept} kept, in {options.Out}.");
        foreach (var failure in summary.Failures)
            console.Error.WriteLine($"  {failure.Split}: {failure.Path}: {failure.Reason}");
        return summary.Failures.Count;
    }
}
