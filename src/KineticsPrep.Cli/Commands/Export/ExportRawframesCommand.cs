using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Export;
using KineticsPrep.IO;

namespace KineticsPrep.Cli.Commands.Export;

/// <summary><c>kinetics-prep export rawframes --root DIR</c>: each listed clip as a folder of JPEG frames, with
/// mmaction2's rawframe lists.</summary>
internal static class ExportRawframesCommand
{
    private static readonly RootInput Root = new("Dataset root: its lists say which clips; the frames go to ROOT/rawframes.", writesLists: true);
    private static readonly Option<string?> Splits = ExportCommand.SplitsOption();
    private static readonly Option<double?> Fps = SharedOptions.Fps("Frames per second, dropped or repeated by timestamp (ffmpeg's fps filter). Default: every frame of the video.");
    private static readonly Option<int> Quality = new Option<int>("--quality")
    {
        Description = "JPEG quality on ffmpeg's scale, 2 (best, about OpenCV's 95) to 31 (smallest).",
        DefaultValueFactory = _ => RawframeOptions.DefaultQuality,
    }.Require(q => q is >= 2 and <= 31, "--quality must be 2 (best) to 31.");
    private static readonly Option<int?> ShortSide = new Option<int?>("--short-side") { Description = "Scale the frames to this short side. Default: the videos' size." }
        .Require(side => side is null or >= 2 and <= 8192, "--short-side must be 2 to 8192 pixels.");
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips at once (one ffmpeg each).");
    private static readonly Option<bool> Force = new("--force") { Description = "Start even when the disk estimate says the frames will not fit." };
    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Make every clip's frames again (to change --fps, --quality or --short-side)." };

    public static Command Create(CliServices services)
    {
        var command = new Command("rawframes",
            "Write each listed clip's frames as ROOT/rawframes/<split>/<clip>/img_00001.jpg …, one ffmpeg per clip, and "
            + "lists/<split>_rawframes.txt (path total_frames label_id), mmaction2's rawframe lists. Checks the disk first; a rerun keeps finished clips.")
        {
            Splits, Fps, Quality, ShortSide, Workers, Force, Overwrite,
        };
        Root.AddTo(command, "export rawframes");
        command.WithExamples("export rawframes --root /data/k400", "export rawframes --root /data/k400 --fps 30 --short-side 256");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var root = Root.Get(parse);
        var options = new RawframeOptions(root.Path)
        {
            Splits = ExportCommand.SplitsOf(parse, Splits),
            Fps = parse.GetValue(Fps),
            Quality = parse.GetValue(Quality),
            ShortSide = parse.GetValue(ShortSide),
            Workers = parse.GetValue(Workers),
            Force = parse.GetValue(Force),
            Overwrite = parse.GetValue(Overwrite),
        };
        var tools = await services.MediaToolsAsync(cancellationToken);
        return new WritePlan(root, async (session, token) =>
        {
            var console = session.Console;
            var exporter = new RawframeExporter(tools, options, session.Store);
            var summary = await session.ShowAsync("rawframes", "clips", progress => exporter.RunAsync(progress, token),
                "Cancelled. Finished clips are kept; run the same command again to go on.");

            if (summary.Estimate is { } estimate)
                console.Out.WriteLine($"Estimated before starting: {estimate.Frames:N0} frames, {Bytes.Format(estimate.Bytes)} ({Bytes.Format(estimate.BytesPerFrame)} a frame on disk).");
            foreach (var split in summary.Splits)
                console.Out.WriteLine($"{split.Split}: {Words.Count(split.Clips, "clip")}, {split.Frames:N0} frames, {split.Path}");
            console.Out.WriteLine($"{Words.Count(summary.Written, "clip")} written, {summary.Kept} kept, in {root.Rawframes}.");
            foreach (var failure in summary.Failures)
                console.Error.WriteLine($"  {failure.Split}: {failure.Path}: {failure.Reason}");
            return summary.Failures.Count;
        });
    }
}
