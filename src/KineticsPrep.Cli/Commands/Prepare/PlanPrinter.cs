using KineticsPrep.Cli.Display;
using KineticsPrep.IO;
using KineticsPrep.Pipeline;
using KineticsPrep.Resize;

namespace KineticsPrep.Cli.Commands.Prepare;

/// <summary>prepare --plan on one screen: the splits, the download, the disk at its peak, the time, and the recipe.</summary>
internal static class PlanPrinter
{
    public static int Print(CliConsole console, PrepareOptions options, PreparePlan plan, string format, string labels)
    {
        console.Out.WriteLine($"Plan for {options.Version.Name} into {options.Root.Path} (nothing was written):");
        console.Out.WriteLine($"  {"split",-10} {"archives",9} {"clips",9}");
        foreach (var split in plan.Splits)
            console.Out.WriteLine($"  {split.Name,-10} {split.Archives,9} {split.Clips?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "?",9}");
        console.Out.WriteLine($"Download: {Bytes.Format(plan.DownloadBytes)}.");
        console.Out.WriteLine($"Disk at its peak: {Bytes.Format(plan.PeakBytes)}; {Bytes.Format(plan.PeakBytesKeepingOriginals)} with --keep-originals.");
        console.Out.WriteLine($"Free: {Bytes.Format(plan.FreeBytes)} under {plan.FreeWhere}.");
        console.Out.WriteLine($"Resize time, estimated from a sample encoded here: about {Duration(plan.EncodeTime)} with {Words.Count(options.Resize.Workers, "worker")}");
        console.Out.WriteLine("  (downloads and extraction add their own, and run alongside).");
        PrintRecipe(console, options.Resize, format, labels);
        foreach (var failure in plan.Failures)
            console.Error.WriteLine($"Failed: {failure}");
        return plan.Failures.Count;
    }

    /// <summary>The recipe a run fixes, and what may change later: printed by --plan, and by a real run in its first lines.</summary>
    public static void PrintRecipe(CliConsole console, ResizeOptions resize, string format, string labels)
    {
        console.Out.WriteLine("Fixed by the first run (changing them later takes --reencode and the originals):");
        WrappedList.Write(console.Out, "", OutputSettings.Of(resize).Where(s => s.Key is not "--always-encode" and not "--keep-audio").Select(s => $"{s.Key} {s.Value}"));
        console.Out.WriteLine("Can change on any run (the lists are rewritten):");
        WrappedList.Write(console.Out, "", [$"--format {format}", $"--labels {labels}"]);
    }

    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours} h {time.Minutes:00} min" : time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min" : $"{Math.Max(1, (int)time.TotalSeconds)} s";
}
