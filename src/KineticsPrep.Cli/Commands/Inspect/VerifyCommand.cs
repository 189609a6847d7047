using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Dataset;
using KineticsPrep.State;
using KineticsPrep.Verify;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary><c>kinetics-prep verify --root DIR</c> (or paths): finds every clip that would crash a loader.</summary>
internal static class VerifyCommand
{
    private static readonly Argument<string[]> Paths = new("PATHS") { Description = "Clips or folders to check (instead of --root).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<DatasetRoot?> Root =
        SharedOptions.OptionalRoot("Dataset root: checks its videos_<S>p clips and records the results in its state store.");
    private static readonly Option<bool> Full = new("--full") { Description = "Decode every frame, not only the first and the last." };
    private static readonly Option<bool> FixLists = new("--fix-lists") { Description = "Rewrite ROOT/lists without the unreadable clips." };
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips checked at once.");
    private static readonly Option<FileInfo?> Against = new("--against")
    {
        Description = "Check the clips a manifest (lists/manifest.csv.gz, yours or a colleague's) records against their recorded sizes and SHA-256.",
    };

    public static Command Create(CliServices services)
    {
        var command = new Command("verify", "Check that every clip opens and its first and last frames decode; list the ones that do not.")
        {
            Paths, Root, Full, FixLists, Workers, Against,
        };
        command.WithExamples("verify --root /data/k400", "verify --root /data/k400 --fix-lists", "verify clips/a.mp4 clips/b.mp4 --full", "verify --against /data/k400/lists/manifest.csv.gz   # bit rot, files changed by hand");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var console = CliConsole.Of(parse);
        var root = parse.GetValue(Root);
        if (parse.GetValue(Against) is { } against)
            return await AgainstAsync(console, against, root, parse.GetValue(Workers), cancellationToken);
        var paths = parse.GetValue(Paths) ?? [];
        if (root is null && paths.Length == 0)
            return console.Fatal("give --root DIR or the clips/folders to check.");
        if (parse.GetValue(FixLists) && root is null)
            return console.Fatal("--fix-lists needs --root (the lists are ROOT/lists).");
        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
            return console.Fatal($"not found: {missing}");
        var folders = paths.Length > 0 ? paths : root!.ResizedFolders();
        var clips = VerifyRunner.ClipsUnder(folders);
        if (clips.Count == 0)
            return console.Fatal(folders.Count == 0
                ? $"no resized clips under {root!.Path} (no videos_<S>p folder); run prepare or resize first. Nothing was written."
                : $"no clips in {string.Join(", ", folders)}; nothing was written.");
        var tools = await services.MediaToolsAsync(cancellationToken);

        var runner = new VerifyRunner(tools, parse.GetValue(Full), parse.GetValue(Workers),
            root is null ? null : StateStore.Open(root), root?.Path);
        var results = await StageDisplay.RunAsync(console, "verify", "clips", progress => runner.RunAsync(clips, progress, cancellationToken),
            "Cancelled. The clips checked so far are recorded.");

        var bad = results.Where(r => !r.Ok).ToList();
        console.Out.WriteLine($"{Words.Count(results.Count, "clip")} checked, {bad.Count} unreadable.");
        foreach (var clip in bad)
            console.Error.WriteLine($"  {clip.Path}: {clip.Reason}");
        if (parse.GetValue(FixLists) && bad.Count > 0)
        {
            var lists = root!.Lists;
            var badPaths = bad.Select(c => Path.Combine(root.Path, c.Path)).Concat(bad.Select(c => c.Path)).ToHashSet(StringComparer.Ordinal);
            var removed = Directory.Exists(lists) ? ListFixer.RemoveClips(lists, badPaths) : 0;
            console.Out.WriteLine($"Removed {Words.Count(removed, "line")} from the lists in {lists}.");
        }
        return ExitCodes.For(bad.Count);
    }

    /// <summary>--against: each clip the manifest records, by size and SHA-256 (relative paths under --root, else the manifest's root).</summary>
    private static async Task<int> AgainstAsync(CliConsole console, FileInfo against, DatasetRoot? root, int workers, CancellationToken cancellationToken)
    {
        ManifestFile manifest;
        try
        {
            manifest = ManifestFile.Load(against.FullName);
        }
        catch (FileNotFoundException e)
        {
            return console.Fatal(e.Message);
        }
        var folder = root?.Path ?? Path.GetDirectoryName(Path.GetDirectoryName(against.FullName))!;
        var (count, mismatches) = await StageDisplay.RunAsync(console, "verify", "clips",
            progress => ManifestCheck.RunAsync(manifest, folder, workers, progress, cancellationToken), "Cancelled.");
        console.Out.WriteLine($"{Words.Count(count, "clip")} checked against {against.FullName}: {mismatches.Count} not as recorded.");
        foreach (var mismatch in mismatches)
            console.Error.WriteLine($"  {mismatch.Path}: {mismatch.Problem}");
        return ExitCodes.For(mismatches.Count);
    }
}
