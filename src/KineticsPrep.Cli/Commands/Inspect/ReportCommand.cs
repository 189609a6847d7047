using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Report;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary><c>kinetics-prep report --root DIR</c>: report.html (self-contained, offline) and report.json.</summary>
internal static class ReportCommand
{
    private static readonly RootInput Root = new("Dataset root (only read).");
    private static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "Where report.html and report.json go. Default: the root." };

    public static Command Create(CliServices services)
    {
        var command = new Command("report", "Write ROOT/report.html (one offline file with charts) and ROOT/report.json.") { Out };
        Root.AddTo(command, "report");
        command.WithExamples("report --root /data/k400", "report --root /readonly/k400 --out ~/k400-report");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var console = services.Console(parse);
        var root = Root.Get(parse);
        if (StateStore.AllUnder(root).Count == 0 && ListReader.Written(root.Lists).Count == 0)
            return console.Fatal($"nothing to report under {root.Path}: no state store ({root.StateFolder}) and no lists ({root.Lists}). " +
                                 "Run prepare (or download, resize, annotate) there first. Nothing was written.");
        var folder = parse.GetValue(Out)?.FullName ?? root.Path;
        var report = await console.SayIfSlowAsync($"Reading the state stores and the clip index of {root.Path}, and taking the contact sheet's frames",
            BuildAsync(root, services, cancellationToken));
        try
        {
            var (html, json) = ReportWriter.Write(folder, report);
            console.Out.WriteLine($"Wrote {html} and {json}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !DiskSpace.IsFull(e))
        {
            return console.Fatal($"cannot write the report under {folder}: {e.Message}. Give --out DIR to write it elsewhere.");
        }
        return ExitCodes.Success;
    }

    private static async Task<DatasetReport> BuildAsync(DatasetRoot root, CliServices services, CancellationToken cancellationToken)
    {
        var index = await Task.Run(() => ClipIndexFile.ReadIfThere(root.Lists), cancellationToken);
        return ReportBuilder.Build(root, index) with { ContactSheet = await ContactSheetAsync(root, index, services, cancellationToken) };
    }

    /// <summary>The contact sheet, or why there is none: it needs the lists' index, and ffmpeg.</summary>
    private static async Task<ContactSheet> ContactSheetAsync(DatasetRoot root, IReadOnlyList<ClipFacts> index, CliServices services, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(root.Lists, ClipIndexFile.FileName)))
            return ContactSheet.None($"no {ClipIndexFile.FileName} in {root.Lists} yet");
        if (await services.OptionalMediaToolsAsync(cancellationToken) is not { } tools)
            return ContactSheet.None("no ffmpeg was found to take the frames");
        return await ContactSheetMaker.MakeAsync(root, ListReader.Labels(root.Lists), index, tools,
            Environment.ProcessorCount, cancellationToken);
    }
}
