using System.CommandLine;
using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.Report;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary>
/// <c>kinetics-prep compare A B</c>: whether two copies of Kinetics (roots, or their manifests) hold the same dataset,
/// and where they differ. Exit 0 when the same (as <c>--same</c> says), 1 when not, 2 when a manifest is missing.
/// </summary>
internal static class CompareCommand
{
    private const int ExamplesPerKind = 10;
    private static readonly string[] Kinds = ["only in A", "only in B", "source", "output", "label"];

    private static readonly Argument<string> A = new("A") { Description = "A dataset root, or a manifest (lists/manifest.csv.gz)." };
    private static readonly Argument<string> B = new("B") { Description = "The other root or manifest." };
    private static readonly Option<string> Same = new Option<string>("--same")
    {
        Description = "What must match for exit 0: source (the same clips from the same bytes), output (and the same resized clips), " +
                      "or lists (the same clips under the same labels and ids).",
        DefaultValueFactory = _ => "source",
    }.OneOf(["source", "output", "lists"]);
    private static readonly Option<FileInfo?> Out = new("--out")
    {
        Description = "Write every difference to this CSV file, and the clips each copy holds per split and class beside it (NAME.classes.csv).",
    };

    public static Command Create(CliServices services)
    {
        var command = new Command("compare", "Say whether two copies of Kinetics are the same dataset, and how they differ.") { A, B, Same, Out };
        command.WithExamples("compare /data/k400 ~/colleague/manifest.csv.gz", "compare /data/k400 /other/k400 --same output --out diff.csv");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var console = services.Console(parse);
        ManifestFile a, b;
        try
        {
            // The two at once: reading and unzipping is most of the time.
            string[] copies = [parse.GetRequiredValue(A), parse.GetRequiredValue(B)];
            var loads = await console.SayIfSlowAsync($"Reading the manifests of {copies[0]} and {copies[1]}",
                Task.Run(() => copies.AsParallel().AsOrdered().Select(ManifestFile.Load).ToArray(), cancellationToken));
            (a, b) = (loads[0], loads[1]);
        }
        catch (AggregateException e) when (e.InnerException is FileNotFoundException or ManifestFormatException)
        {
            return console.Fatal(e.InnerException.Message);
        }
        var comparison = new ManifestComparison(a, b);
        console.Out.WriteLine($"A: {a.Source} ({Words.Count(a.Rows.Count, "row")})");
        console.Out.WriteLine($"B: {b.Source} ({Words.Count(b.Rows.Count, "row")})");
        console.Out.WriteLine($"  {"split",-14} {"clips in A",10} {"clips in B",10} {"in both",10}");
        foreach (var split in comparison.Splits)
            console.Out.WriteLine($"  {split.Split,-14} {split.InA,10} {split.InB,10} {split.InBoth,10}");
        var classes = comparison.Classes.Where(c => c.Differs).ToList();
        console.Out.WriteLine($"Classes held differently: {classes.Count} of {Words.Count(comparison.Classes.Count, "class", "classes")} (per split).");
        foreach (var c in classes.Take(ExamplesPerKind))
            console.Out.WriteLine($"  {c.Split}/{c.Label ?? "(no label)"}: {c.InA} in A, {c.InB} in B, {c.InBoth} in both");
        console.Out.WriteLine("Differences: " + string.Join(", ", Kinds.Select(k => $"{comparison.Count(k)} {k}")) + ".");
        if (comparison.SettingChanges.Count > 0)
            console.Out.WriteLine($"Settings that differ: {string.Join(", ", comparison.SettingChanges)}.");
        if (comparison.Count("output") > 0)
            console.Out.WriteLine(ToolchainLine(comparison));
        foreach (var kind in Kinds)
        {
            foreach (var d in comparison.Differences.Where(d => d.Kind == kind).Take(ExamplesPerKind))
                console.Out.WriteLine($"  {kind}: {d.Split}/{ClipNames.For(d.YoutubeId, d.TimeStart, d.TimeEnd)}: {d.A ?? "-"} | {d.B ?? "-"}");
        }
        if (parse.GetValue(Out) is { } file)
        {
            AtomicFile.Write(file.FullName, writer =>
            {
                writer.WriteLine("kind,split,youtube_id,time_start,time_end,a,b");
                foreach (var d in comparison.Differences)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{d.Kind},{d.Split},{CsvField.Quoted(d.YoutubeId)},{d.TimeStart},{d.TimeEnd},{CsvField.Quoted(d.A ?? "")},{CsvField.Quoted(d.B ?? "")}"));
            });
            var perClass = Path.ChangeExtension(file.FullName, ".classes.csv");
            AtomicFile.Write(perClass, writer =>
            {
                writer.WriteLine("split,label,in_a,in_b,in_both");
                foreach (var c in comparison.Classes)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Split},{CsvField.Quoted(c.Label ?? "")},{c.InA},{c.InB},{c.InBoth}"));
            });
            console.Out.WriteLine($"Every difference: {file.FullName}; per class: {perClass}");
        }
        var same = Enum.Parse<ManifestComparison.Sameness>(parse.GetRequiredValue(Same), ignoreCase: true);
        var verdict = comparison.Same(same);
        console.Out.WriteLine($"Same {parse.GetRequiredValue(Same)}: {(verdict ? "yes" : "no")}.");
        return verdict ? ExitCodes.Success : ExitCodes.SomeItemsFailed;
    }

    /// <summary>Why the resized clips differ, as far as the manifests tell: the toolchains, the settings, or neither.</summary>
    private static string ToolchainLine(ManifestComparison comparison) =>
        !comparison.ToolchainsKnown
            ? "The toolchains are not recorded in both manifests (one was written before they were kept): prepare or annotate --root again to record them."
            : comparison.ToolchainChanges.Count > 0
                ? $"The toolchains differ ({string.Join("; ", comparison.ToolchainChanges)}): the same sources and settings can give other bytes."
                : comparison.SettingChanges.Count > 0
                    ? "The toolchains are the same: the settings that differ account for the other bytes."
                    : "The toolchains and settings are the same, and identical toolchains and recipes give identical bytes: these clips come from other " +
                      "sources, or were changed since (verify --against the manifest finds them).";
}
