using System.CommandLine;
using KineticsPrep.Annotate;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Cli;

/// <summary><c>kinetics-prep annotate</c>: training lists from the official CSVs and the clips that exist.</summary>
internal static class AnnotateCommand
{
    private static readonly Option<DirectoryInfo> Annotations = new("--annotations") { Description = "Folder with train.csv, validate.csv or val.csv, test.csv.", Required = true };
    private static readonly Option<DirectoryInfo> Videos = new("--videos") { Description = "Folder searched recursively for <youtube_id>_<start>_<end>.<ext> clips.", Required = true };
    private static readonly Option<DirectoryInfo> Out = new("--out") { Description = "Where the lists, labels.txt, missing_<split>.txt and report.json go.", Required = true };
    private static readonly Option<string?> Labels = SharedOptions.Labels();
    private static readonly Option<DirectoryInfo?> Replacement = new("--replacement") { Description = "CVDF replacement clips, used in place of the originals. Default: a 'replacement' folder under --videos." };
    private static readonly Option<DirectoryInfo?> RelativeTo = new("--relative-to") { Description = "Write paths relative to this folder instead of absolute ones." };
    private static readonly Option<string> Format = SharedOptions.ListFormat();
    private static readonly Option<bool> SkipBadRows = new("--skip-bad-rows") { Description = "Report malformed rows and unknown labels, and go on." };
    private static readonly Option<bool> Check = new("--check") { Description = "Open every found clip with ffprobe and leave out unreadable ones." };
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips checked at once with --check.");

    public static Command Create(CliServices services)
    {
        var command = new Command("annotate", "Write train/val/test lists of the clips that exist, with class ids in the community's order.")
        {
            Annotations, Videos, Out, Labels, Replacement, RelativeTo, Format, SkipBadRows, Check, Workers,
        };
        command.WithExamples("annotate --annotations /data/k400/annotations --videos /data/k400/videos_320p --out /data/k400/lists", "annotate --annotations ann --videos clips --out lists --labels mmaction2-k400 --format csv");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var console = CliConsole.Of(parse);
        var options = new AnnotateOptions(
            parse.GetRequiredValue(Annotations).FullName, parse.GetRequiredValue(Videos).FullName, parse.GetRequiredValue(Out).FullName)
        {
            Labels = parse.GetValue(Labels),
            Replacement = parse.GetValue(Replacement)?.FullName,
            RelativeTo = parse.GetValue(RelativeTo)?.FullName,
            Format = ListFormat.Find(parse.GetRequiredValue(Format))!,
            SkipBadRows = parse.GetValue(SkipBadRows),
            Check = parse.GetValue(Check),
            Workers = parse.GetValue(Workers),
        };

        using var writer = WriterLock.ForRoot(new DatasetRoot(options.Out));
        AnnotateReport report;
        try
        {
            var tools = options.Check ? await services.MediaToolsAsync(cancellationToken) : await services.OptionalMediaToolsAsync(cancellationToken);
            report = await new Annotator(options, tools).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return console.Fatal("Cancelled.");
        }

        AnnotateSummary.Print(console, report, options.Out);
        return report.BadRows.Count == 0 && report.Corrupt.Count == 0 ? ExitCodes.Success : ExitCodes.SomeItemsFailed;
    }
}
