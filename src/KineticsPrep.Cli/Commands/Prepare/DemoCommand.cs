using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Commands.Stages;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Dataset;
using KineticsPrep.Demo;
using KineticsPrep.Download;
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
        command.SetAction((parse, cancellationToken) =>
            RunAsync(CliConsole.Of(parse), services, parse.GetRequiredValue(Folder), DatasetCatalog.Find(parse.GetRequiredValue(Dataset))!,
                parse.GetValue(MirrorOnly), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, CliServices services, DirectoryInfo folder, DatasetVersion version, bool mirrorOnly, CancellationToken cancellationToken)
    {
        var tools = await services.MediaToolsAsync(cancellationToken);
        var mirror = Path.Combine(folder.FullName, "mirror");
        var root = Path.Combine(folder.FullName, version.Name);
        if (Directory.Exists(folder.FullName))
            Directory.Delete(folder.FullName, recursive: true);

        console.Out.WriteLine($"1. Building a synthetic {version.Name} mirror (the CVDF's layout and annotation dialects of that release) in {mirror}");
        await SyntheticMirror.BuildAsync(mirror, tools, new SyntheticMirror.Layout(version.Name), cancellationToken);
        if (mirrorOnly)
            return ExitCodes.Success;
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
        return result.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.SomeItemsFailed;
    }
}
