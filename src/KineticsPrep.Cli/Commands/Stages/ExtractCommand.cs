using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Extract;

namespace KineticsPrep.Cli.Commands.Stages;

/// <summary><c>kinetics-prep extract --root DIR</c>: every downloaded archive into ROOT/videos/&lt;split&gt;/.</summary>
internal static class ExtractCommand
{
    private static readonly RootInput Root = new("Dataset root (archives/ in, videos/ out).");
    private static readonly Option<int> Jobs = SharedOptions.Jobs("Archives extracted at once.", Environment.ProcessorCount);
    private static readonly Option<bool> DeleteArchives = new("--delete-archives") { Description = "Delete each archive as soon as it is extracted." };

    public static Command Create(CliServices services)
    {
        var command = new Command("extract", "Extract the downloaded archives into ROOT/videos/<split>/, safely and resumably.")
        {
            Jobs, DeleteArchives,
        };
        Root.AddTo(command, "extract");
        command.WithExamples("extract --root /data/k400", "extract --root /data/k400 --delete-archives");
        command.Writes(services, (parse, _, _) => Task.FromResult(Plan(parse)));
        return command;
    }

    private static WritePlan Plan(ParseResult parse)
    {
        var root = Root.Get(parse);
        if (ExtractRunner.FindArchives(root).Count == 0)
            throw new RefusedException($"No archives under {root.Archives}; run 'kinetics-prep download' first.");
        return new WritePlan(root, async (session, cancellationToken) =>
        {
            var console = session.Console;
            var runner = new ExtractRunner(session.Store, parse.GetValue(Jobs), parse.GetValue(DeleteArchives));
            var summary = await session.ShowAsync("extract", "archives", progress => runner.RunAsync(progress, cancellationToken),
                "Cancelled. Extracted archives are recorded; run the same command again to continue.");

            var outcomes = summary.Outcomes;
            console.Out.WriteLine(
                $"{Words.Count(outcomes.Count, "archive")}: {outcomes.Count(o => o.Status == ExtractStatus.Extracted)} extracted " +
                $"({Words.Count(outcomes.Sum(o => o.Files), "clip")}), {outcomes.Count(o => o.Status == ExtractStatus.AlreadyDone)} already done, " +
                $"{summary.Failures.Count()} failed.");
            foreach (var failure in summary.Failures)
                console.Error.WriteLine($"Failed: {failure.Error}");
            foreach (var (job, entry) in summary.Refused)
                console.Error.WriteLine($"Refused in {job.ArchivePath}: {entry}");
            return summary.Failures.Count() + summary.Refused.Count();
        });
    }
}
