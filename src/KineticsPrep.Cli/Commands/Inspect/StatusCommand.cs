using System.CommandLine;
using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Report;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary><c>kinetics-prep status --root DIR</c>: where a dataset stands, per stage and split, from the state stores.</summary>
internal static class StatusCommand
{
    private static readonly RootInput Root = new("Dataset root.");

    public static Command Create(CliServices services)
    {
        var command = new Command("status", "Show progress per stage and split: done/total, failures, amounts, rate and ETA (works during a run).");
        Root.AddTo(command, "status");
        command.WithExamples("status /data/k400", "status --root /data/k400");
        command.SetAction(parse => Run(services.Console(parse), Root.Get(parse)));
        return command;
    }

    private static int Run(CliConsole console, DatasetRoot root)
    {
        var running = RootWriters.IsRunning(root);
        var stores = StateStore.AllUnder(root);
        if (stores.Count == 0)
            return console.Fatal($"No state under {root.Path}: nothing was downloaded, extracted or prepared there yet.");

        console.Out.WriteLine($"{root.Path} ({Words.Count(stores.Count, "state file")}: {string.Join(", ", stores.Select(s => Path.GetFileName(s.Path)))})");
        WrappedList.Write(console.Out, "Recipe:", RootRecipe.Of(stores, RootRecipe.ListsSummaryOf(root)).Select(r => $"{r.Name} {r.Value}"));
        var stages = StageCount.Merge(stores.SelectMany(s => s.StageCounts()))
            .OrderBy(c => Array.IndexOf(["download", "extract", "resize"], c.Stage)).ThenBy(c => c.Split, StringComparer.Ordinal)
            .ToList();
        if (stages.Count > 0)
        {
            // Fits 80 columns: 2 + 8 + 12 + 9 + 6 + 11 + 12 + 8, and a space between each.
            console.Out.WriteLine($"  {"stage",-8} {"split",-12} {"archives",9} {"failed",6} {"amount",11} {"rate",12} {"ETA",8}");
            foreach (var stage in stages)
                console.Out.WriteLine("  " + Line(stage, running));
            if (!running && stages.Any(s => s.Done < s.Planned))
                console.Out.WriteLine($"Stopped: no run is writing this root now. Run the same command again to resume (prepare … --root {root.Path}).");
        }
        var totals = stores.Select(s => s.Totals()).ToList();
        console.Out.WriteLine($"Downloaded {Words.Count(totals.Sum(t => t.Files), "file")} ({Bytes.Format(totals.Sum(t => t.Bytes))}); " +
                          $"extracted {Words.Count(totals.Sum(t => t.Archives), "archive")} ({Words.Count(totals.Sum(t => t.Clips), "clip")}).");
        console.Out.WriteLine($"Resized {Words.Count(totals.Sum(t => t.Resized), "clip")}.");
        var rawframes = stores.SelectMany(s => s.RawframeFolders()).ToList();
        if (rawframes.Count > 0)
            console.Out.WriteLine($"Rawframes: {Words.Count(rawframes.Count, "clip")}, {rawframes.Sum(f => (long)f.Frames):N0} frames ({Bytes.Format(rawframes.Sum(f => f.Bytes))}) in {root.Rawframes}.");
        foreach (var stale in StaleOutputs.Of(root, stores))
            console.Out.WriteLine($"Stale: {stale.Output}: {stale.Reason}. Run: kinetics-prep {stale.Remedy}");
        var failures = stores.SelectMany(s => s.Failures()).Select(f => $"{f.Stage}: {f.Item}: {f.Reason}")
            .Concat(stores.SelectMany(s => s.ClipFailures()).Select(f => $"resize: {f.Archive}: {f.Failure.Clip}: {f.Failure.Reason}{(f.Failure.Transient ? " (retried by the next run)" : "")}"))
            .ToList();
        foreach (var failure in failures.Take(20))
            console.Out.WriteLine($"  failed {failure}");
        if (failures.Count > 20)
            console.Out.WriteLine($"  … and {failures.Count - 20} more failures.");
        return ExitCodes.Success;
    }

    /// <param name="running">Whether a run is at work: a stopped one has no ETA.</param>
    private static string Line(StageCount c, bool running)
    {
        var amount = c.Stage == "download" ? Bytes.Format(c.Amount) : $"{c.Amount} clips";
        var rate = c.PerSecond is not { } perSecond ? ""
            : c.Stage == "download" ? $"{Bytes.Format((long)perSecond)}/s"
            : string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.0} clips/s");
        var eta = c.Done == c.Planned ? "done" : !running ? "stopped" : c.TimeLeft?.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) ?? "";
        return $"{c.Stage,-8} {c.Split,-12} {$"{c.Done}/{c.Planned}",9} {c.Failed,6} {amount,11} {rate,12} {eta,8}";
    }
}
