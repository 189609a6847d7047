using System.CommandLine;
using KineticsPrep.Report;

namespace KineticsPrep.Cli;

/// <summary><c>kinetics-prep report --root DIR</c>: report.html (self-contained, offline) and report.json.</summary>
internal static class ReportCommand
{
    private static readonly Option<DirectoryInfo> Root = SharedOptions.Root("Dataset root.");

    public static Command Create()
    {
        var command = new Command("report", "Write ROOT/report.html (one offline file with charts) and ROOT/report.json.") { Root };
        command.SetAction(parse =>
        {
            var console = CliConsole.Of(parse);
            var root = parse.GetRequiredValue(Root);
            if (!root.Exists)
                return console.Fatal($"Root folder not found: {root.FullName}");
            var (html, json) = ReportWriter.Write(root.FullName, ReportBuilder.Build(root.FullName));
            console.Out.WriteLine($"Wrote {html} and {json}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
