using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Commands.Stages;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Demo;
using KineticsPrep.Download;
using KineticsPrep.Media;
using KineticsPrep.Pipeline;

namespace KineticsPrep.Cli.Commands.Prepare;

/// <summary><c>kinetics-prep demo</c>: the whole pipeline on a small synthetic mirror served on loopback, in about a minute.</summary>
internal static class DemoCommand
{
    private static readonly Option<DirectoryInfo> Folder = new("--dir")
    {
        Description = "Where the demo mirror and dataset go.",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Path.GetTempPath(), "kinetics-prep-demo")),
    };

    private static readonly Option<string> Dataset = new Option<string>("--dataset")
    {
        Description = "The release whose CVDF layout the mirror takes: k400, k600 or k700-2020.",
        DefaultValueFactory = _ => "k400",
    }.OneOf(DatasetCatalog.Versions.Select(v => v.Name).ToList());

    private static readonly Option<bool> MirrorOnly = new("--mirror-only") { Description = "Only build the mirror (DIR/mirror), for serving it some other way." };

    public static Command Create(CliServices services)
    {
        var command = new Command("demo", "Build a small synthetic Kinetics mirror, serve it on 127.0.0.1 and run prepare against it.") { Folder, Dataset, MirrorOnly };
        command.WithExamples("demo", "demo --dataset k600 --dir /tmp/k600-demo");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    /// <summary>The demo folder is the root the command holds; the dataset inside it is prepare's.</summary>
    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(Folder);
        var version = DatasetCatalog.Find(parse.GetRequiredValue(Dataset))!;
        var tools = await services.MediaToolsAsync(cancellationToken);
        return new WritePlan(new DatasetRoot(folder.FullName), (session, token) => RunAsync(session.Console, services, tools, folder, version, parse.GetValue(MirrorOnly), token))
        {
            MayCreate = true,
            KeepsState = false,
        };
    }

    private static async Task<int> RunAsync(
        CliConsole console, CliServices services, MediaTools tools, DirectoryInfo folder, DatasetVersion version, bool mirrorOnly, CancellationToken cancellationToken)
    {
        var mirror = Path.Combine(folder.FullName, "mirror");
        var root = Path.Combine(folder.FullName, version.Name);
        foreach (var previous in new[] { mirror, root }.Where(Directory.Exists))
            Directory.Delete(previous, recursive: true);

        console.Out.WriteLine($"1. Building a synthetic {version.Name} mirror (the CVDF's layout and annotation dialects of that release) in {mirror}");
        await SyntheticMirror.BuildAsync(mirror, tools, new SyntheticMirror.Layout(version.Name), cancellationToken);
        if (mirrorOnly)
            return 0;
        await using var server = new LoopbackFileServer(mirror);
        console.Out.WriteLine($"2. Serving it at {server.Url}");
        console.Out.WriteLine($"3. Running: kinetics-prep prepare {version.Name} --root {root} --mirror {server.Url}");

        var options = new PrepareOptions(version, new DatasetRoot(root)) { Mirror = new Mirror(server.Url) };
        var pipeline = new PreparePipeline(options, new FileDownloader(services.Http, options.Download), tools);
        var result = await PrepareCommand.RunAsync(console, pipeline, await pipeline.StartAsync(cancellationToken), cancellationToken);

        if (result.Lists is { } lists)
            AnnotateSummary.Print(console, lists, options.ListsFolder);
        foreach (var failure in result.Failures)
            console.Error.WriteLine($"Failed: {failure}");
        console.Out.WriteLine($"4. Done. Resized clips: {options.ResizedFolder}; lists: {options.ListsFolder}");
        console.Out.WriteLine($"   Try: ./kinetics-prep status --root {root}");
        return result.Failures.Count;
    }
}
