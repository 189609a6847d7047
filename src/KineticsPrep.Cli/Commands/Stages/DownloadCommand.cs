using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Download;

namespace KineticsPrep.Cli.Commands.Stages;

/// <summary><c>kinetics-prep download k400 --root DIR</c>: the CVDF archives and annotation CSVs, resumable and verified.</summary>
internal static class DownloadCommand
{
    private static readonly Argument<string> Dataset = SharedOptions.Dataset(k710: true);
    private static readonly Option<DatasetRoot> Root = SharedOptions.Root("Dataset root: archives/ and annotations/ go here.");
    private static readonly Option<string> Splits = SharedOptions.Splits();
    private static readonly Option<int> Jobs = SharedOptions.Jobs("Files downloaded at once.", new DownloadOptions().Jobs);
    private static readonly Option<int> Retries = SharedOptions.Retries();
    private static readonly Option<int> MinimumRate = SharedOptions.MinimumRate();
    private static readonly Option<string?> MirrorOption = SharedOptions.Mirror();
    private static readonly Option<string?> Classes = SharedOptions.Classes();
    private static readonly Option<int?> MaxPerClass = SharedOptions.MaxPerClass();

    public static Command Create(CliServices services)
    {
        var command = new Command("download", "Download a Kinetics release's archives and annotation CSVs, resuming partial files.")
        {
            Dataset, Root, Splits, Jobs, Retries, MinimumRate, MirrorOption, Classes, MaxPerClass,
        };
        command.WithExamples("download k400 --root /data/k400", "download k600 --root /data/k600 --splits val --mirror http://lab", "download k710 --root /data/k710   # K400, K600, K700-2020");
        command.Writes(services, (parse, _, _) => Task.FromResult(Plan(parse, services)));
        return command;
    }

    private static WritePlan Plan(ParseResult parse, CliServices services)
    {
        var dataset = parse.GetRequiredValue(Dataset).ToLowerInvariant();
        // Kinetics-710: the train and val sets of its releases, each in a folder of its own.
        IReadOnlyList<(DatasetVersion Version, IReadOnlyList<string> Splits, bool Part)> releases;
        if (dataset == DatasetCatalog.K710)
        {
            releases = DatasetCatalog.K710Releases.Select(r => (DatasetCatalog.Find(r)!, DatasetCatalog.K710Splits, true)).ToList();
        }
        else
        {
            var version = DatasetCatalog.Find(dataset)!;
            var (splits, splitError) = SharedOptions.ParseSplits(parse.GetRequiredValue(Splits), version);
            if (splitError is not null)
                throw new RefusedException(splitError);
            releases = [(version, splits, false)];
        }
        var options = new DownloadOptions
        {
            Jobs = parse.GetValue(Jobs),
            Retries = parse.GetValue(Retries),
            MinimumRate = parse.GetValue(MinimumRate) * 1024L,
        };
        var subset = SharedOptions.Subset(parse, Classes, MaxPerClass);
        if (subset?.Classes is { } classes && releases.Select(r => ReleaseClasses.Problem(r.Version.Name, classes)).FirstOrDefault(p => p is not null) is { } unknown)
            throw new RefusedException(unknown);
        var mirror = new Mirror(parse.GetValue(MirrorOption));
        return new WritePlan(parse.GetRequiredValue(Root), async (session, cancellationToken) =>
        {
            var console = session.Console;
            if (subset is not null && releases.Any(r => !r.Version.ArchivesPerClass))
                console.Out.WriteLine("Note: this release's archives mix classes, so every archive is downloaded; prepare and annotate keep only the subset.");
            var failed = 0;
            foreach (var (version, splits, part) in releases)
            {
                var runner = new DownloadRunner(part ? session.StoreOf(version.Name) : session.Store, new FileDownloader(services.Http, options),
                    mirror, options.Jobs, subset?.Classes);
                var summary = await session.ShowAsync(part ? $"download {version.Name}" : "download", "files",
                    progress => runner.RunAsync(version, splits, progress, cancellationToken),
                    "Cancelled. Partial files are kept and resume on the next run.");

                console.Out.WriteLine($"{(part ? version.Name + ": " : "")}{Words.Count(summary.Files, "file")}: {summary.Downloaded} downloaded, " +
                                      $"{summary.AlreadyDone} already done, {summary.Failures.Count} failed.");
                foreach (var note in summary.Notes)
                    console.Error.WriteLine($"Note: {note}");
                foreach (var failure in summary.Failures)
                    console.Error.WriteLine($"Failed: {failure}");
                failed += summary.Failures.Count;
            }
            return failed;
        })
        {
            MayCreate = true,
        };
    }
}
