using KineticsPrep.Cli.Display;
using KineticsPrep.Dataset;

namespace KineticsPrep.Cli.Commands.Stages;

/// <summary>Prints what an annotate run found, per split, and what went wrong.</summary>
internal static class AnnotateSummary
{
    private const int ProblemsListed = 50;
    private const int NamesShown = 3;

    public static void Print(CliConsole console, ListsSummary report, string outDir)
    {
        console.Out.WriteLine($"{Words.Count(report.Classes, "class", "classes")}. Lists in {outDir}:");
        console.Out.WriteLine($"  {"split",-12} {"csv rows",9} {"found",9} {"missing",9} {"replaced",9} {"corrupt",9}");
        foreach (var split in report.Splits)
        {
            console.Out.WriteLine($"  {split.Split,-12} {split.CsvRows,9} {split.Found,9} {split.Missing,9} {split.Replaced,9} {split.Corrupt,9}");
            if (split.FewestClips.Count > 0)
                console.Out.WriteLine($"               fewest clips: {string.Join(", ", split.FewestClips.Select(c => $"{c.Label} ({c.Clips})"))}");
        }
        if (report.Splits.Any(s => s.Excluded > 0))
            console.Out.WriteLine($"Left out by --exclude-overlap-with: {string.Join(", ", report.Splits.Select(s => $"{s.Split} {s.Excluded}"))} " +
                                  $"(clip names: {Path.Combine(outDir, "excluded_<split>.txt")}).");
        console.Out.WriteLine($"Missing clip names: {Path.Combine(outDir, "missing_<split>.txt")}; numbers: {Path.Combine(outDir, DatasetRoot.ListsSummaryFileName)}");

        foreach (var cut in report.CutShort)
            console.Error.WriteLine($"Note: {cut}.");
        foreach (var shrunk in report.Shrunk ?? [])
            console.Error.WriteLine($"Note: {shrunk}.");
        foreach (var alias in report.Aliases.Where(a => !a.Normalised))
            console.Out.WriteLine($"Renamed class: '{alias.CsvLabel}' in the CSVs is '{alias.MapLabel}' in the label map ({alias.Rows} rows).");
        var normalised = report.Aliases.Where(a => a.Normalised).ToList();
        if (normalised.Count > 0)
            console.Out.WriteLine($"{Words.Count(normalised.Count, "class name")} of the CSVs matched the label map only with case, quotes, parentheses and " +
                                  $"spacing ignored: {string.Join(", ", normalised.Take(NamesShown).Select(a => $"'{a.CsvLabel}' is '{a.MapLabel}'"))}" +
                                  (normalised.Count > NamesShown ? $", … (all: {Path.Combine(outDir, DatasetRoot.ListsSummaryFileName)})." : "."));
        if (report.Repeated is { Repeats: > 0 } repeated)
            console.Out.WriteLine($"{Words.Count(repeated.Repeats, "row")} repeating another row of the same clip and label, kept once.");
        List(console, report.Repeated?.Conflicts ?? [], "Clips with two labels in one split (left out: keep one row)");
        List(console, report.Repeated?.InTwoSplits ?? [], "Clips in two splits (listed in both)");
        List(console, report.Ambiguous, "Clips named by their bare YouTube id that fit several rows (left out)");
        List(console, report.BadRows.Select(r => r.ToString()).ToList(), "Rows left out");
        List(console, report.Corrupt.Select(c => $"{c.Path}: {c.Reason}").ToList(), "Unreadable clips left out");
    }

    private static void List(CliConsole console, IReadOnlyList<string> problems, string title)
    {
        if (problems.Count == 0)
            return;
        console.Error.WriteLine($"{title} ({problems.Count}):");
        foreach (var problem in problems.Take(ProblemsListed))
            console.Error.WriteLine($"  {problem}");
        if (problems.Count > ProblemsListed)
            console.Error.WriteLine($"  … and {problems.Count - ProblemsListed} more (see report.json).");
    }
}
