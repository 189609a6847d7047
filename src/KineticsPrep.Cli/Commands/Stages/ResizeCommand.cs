using System.CommandLine;
using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Resize;

namespace KineticsPrep.Cli.Commands.Stages;

/// <summary><c>kinetics-prep resize SRC DST</c>: every video under SRC to a short side of S pixels, as H.264 mp4 under DST.</summary>
internal static class ResizeCommand
{
    private static readonly Argument<DirectoryInfo> Source = new("SRC") { Description = "Folder with the source videos (searched recursively)." };
    private static readonly Argument<DirectoryInfo> Destination = new("DST") { Description = "Output folder; SRC's subfolders are mirrored here." };

    private static readonly EncodeOptions Encode = new();
    private static readonly Option<string?> For = Codebase.Option();
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips encoded at once. Default: the number of cores.", "--num-worker");
    private static readonly Option<bool> Overwrite = new("--overwrite", "--reencode")
    {
        Description = "Redo outputs that already exist (needed to change the encode settings of a destination already made).",
    };
    private static readonly Option<string[]> Extensions = new("--ext")
    {
        Description = "Source extensions, comma-separated or repeated. Default: " + string.Join(",", VideoFiles.Extensions),
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<int?> Level = new Option<int?>("--level") { Description = "Accepted for mmaction2 compatibility: SRC is always searched recursively." }
        .Require(level => level is null or 1 or 2, "--level must be 1 or 2.");
    private static readonly Option<bool> ToMp4 = new("--to-mp4") { Description = "Accepted for mmaction2 compatibility: the output is always mp4." };

    public static Command Create(CliServices services)
    {
        var command = new Command("resize", "Resize every video under SRC to a short side of S pixels (H.264 mp4), skipping finished ones.")
        {
            Source, Destination, Workers, Overwrite, Extensions, Level, ToMp4,
        };
        command.Options.Add(For);
        Encode.AddTo(command);
        command.WithExamples("resize videos/ videos_320p/", "resize videos/ videos_256p/ --short-side 256 --profile seekable");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var source = parse.GetRequiredValue(Source);
        var destination = parse.GetRequiredValue(Destination);
        if (!source.Exists)
            throw new RefusedException($"Source folder not found: {source.FullName}");

        var options = Encode.Read(parse, new ResizeOptions
        {
            Workers = parse.GetValue(Workers),
            Overwrite = parse.GetValue(Overwrite),
            Extensions = parse.GetValue(Extensions) is { Length: > 0 } extensions
                ? extensions.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : VideoFiles.Extensions,
        }, Codebase.Of(parse, For));

        var scan = VideoFinder.Find(source.FullName, destination.FullName, options.Extensions);
        if (scan.Jobs.Count == 0)
            throw new RefusedException($"no videos under {source.FullName} (looked for {string.Join(", ", options.Extensions)}, " +
                                     $"leaving out {destination.FullName}); nothing was written.");
        var tools = await services.MediaToolsAsync(cancellationToken);
        // The record goes to the dataset root that DST is in (ROOT/videos_320p/train: ROOT), else to DST itself.
        return new WritePlan(DatasetRoot.Enclosing(destination.FullName), async (session, token) =>
        {
            destination.Create();
            var runner = new ResizeRunner(tools, options, session.Store);
            var summary = await session.ShowAsync("resize", "clips",
                progress => runner.RunAsync(scan, destination.FullName, progress, token),
                "Cancelled. Finished outputs are kept; run the same command again to continue.");

            PrintSummary(session.Console, summary);
            return summary.Failures.Count;
        })
        {
            MayCreate = true,
        };
    }

    private static void PrintSummary(CliConsole console, ResizeSummary summary)
    {
        const int failuresListed = 50;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Found {Words.Count(summary.Found, "video")}: {summary.Encoded} encoded, {summary.Copied} copied (already H.264 at size), " +
            $"{summary.AlreadyDone} already done, {summary.Failures.Count} failed, in {summary.Elapsed:hh\\:mm\\:ss}."));
        foreach (var ignored in summary.IgnoredDuplicates)
            console.Out.WriteLine($"Ignored (another source has the same output name): {ignored}");
        if (summary.Failures.Count == 0)
            return;

        console.Error.WriteLine($"Failed ({summary.Failures.Count}):");
        foreach (var failure in summary.Failures.Take(failuresListed))
            console.Error.WriteLine($"  {failure.Job.SourcePath}: {failure.Reason}");
        if (summary.Failures.Count > failuresListed)
            console.Error.WriteLine($"  … and {summary.Failures.Count - failuresListed} more.");
        console.Error.WriteLine($"The full list, with ffmpeg command lines: {summary.FailureLogPath}");
    }
}
