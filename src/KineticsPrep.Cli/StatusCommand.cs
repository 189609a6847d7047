using System.CommandLine;
using System.Globalization;
using KineticsPrep.State;

namespace KineticsPrep.Cli;

/// <summary><c>kinetics-prep status --root DIR</c>: where a dataset stands, per stage and split, from the state stores.</summary>
internal static class StatusCommand
{
    private static readonly Option<DirectoryInfo> Root = SharedOptions.Root("Dataset root.");

    public static Command Create()
    {
        var command = new Command("status", "Show progress per stage and split: done/total, failures, amounts, rate and ETA (works during a run).") { Root };
        command.SetAction(parse => Run(parse.GetRequiredValue(Root)));
        return command;
    }

    private static int Run(DirectoryInfo root)
    {
        var stores = StateStore.AllUnder(root.FullName);
        if (stores.Count == 0)
            return Fatal.Report($"No state under {root.FullName}: nothing was downloaded, extracted or prepared there yet.");

        Console.WriteLine($"{root.FullName} ({stores.Count} state file(s): {string.Join(", ", stores.Select(s => Path.GetFileName(s.Path)))})");
        var stages = stores.SelectMany(s => s.StageCounts())
            .GroupBy(c => (c.Stage, c.Split))
            .Select(g => new StageCount(g.Key.Stage, g.Key.Split, g.Sum(c => c.Planned), g.Sum(c => c.Done), g.Sum(c => c.Failed),
                g.Sum(c => c.Amount), g.Min(c => c.First), g.Max(c => c.Last)))
            .OrderBy(c => Array.IndexOf(["download", "extract", "resize"], c.Stage)).ThenBy(c => c.Split, StringComparer.Ordinal)
            .ToList();
        if (stages.Count > 0)
        {
            Console.WriteLine($"  {"stage",-9} {"split",-12} {"archives",12} {"failed clips",13} {"amount",14} {"rate",16} {"ETA",10}");
            foreach (var stage in stages)
                Console.WriteLine("  " + Line(stage));
        }
        var totals = stores.Select(s => s.Totals()).ToList();
        Console.WriteLine($"Downloaded {totals.Sum(t => t.Files)} files ({Bytes.Format(totals.Sum(t => t.Bytes))}); " +
                          $"extracted {totals.Sum(t => t.Archives)} archives ({totals.Sum(t => t.Clips)} clips).");
        var failures = stores.SelectMany(s => s.Failures()).Select(f => $"{f.Stage}: {f.Item}: {f.Reason}")
            .Concat(stores.SelectMany(s => s.ClipFailures()).Select(f => $"resize: {f.Archive}: {f.Clip}: {f.Reason}"))
            .ToList();
        foreach (var failure in failures.Take(20))
            Console.WriteLine($"  failed {failure}");
        if (failures.Count > 20)
            Console.WriteLine($"  … and {failures.Count - 20} more failures.");
        return ExitCodes.Success;
    }

    private static string Line(StageCount c)
    {
        var amount = c.Stage == "download" ? Bytes.Format(c.Amount) : $"{c.Amount} clips";
        var rate = "";
        var eta = c.Done == c.Planned ? "done" : "";
        if (c.First is { } first && c.Last is { } last && last > first && c.Done > 1)
        {
            var seconds = (last - first).TotalSeconds;
            var perArchive = seconds / (c.Done - 1);
            var perSecond = c.Amount * (c.Done - 1.0) / c.Done / seconds;
            rate = c.Stage == "download" ? $"{Bytes.Format((long)perSecond)}/s" : string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.0} clips/s");
            if (c.Done < c.Planned)
                eta = TimeSpan.FromSeconds(perArchive * (c.Planned - c.Done)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        }
        return $"{c.Stage,-9} {c.Split,-12} {$"{c.Done}/{c.Planned}",12} {c.Failed,13} {amount,14} {rate,16} {eta,10}";
    }
}
