using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Verify;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary><c>kinetics-prep verify --root DIR</c> (or paths): finds every clip that would crash a loader.</summary>
internal static class VerifyCommand
{
    private static readonly Argument<string[]> Paths = new("PATHS") { Description = "Clips or folders to check (instead of --root).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<DatasetRoot?> Root =
        SharedOptions.OptionalRoot("Dataset root: checks its videos_<S>p clips and records the results in its state store.");
    private static readonly Option<bool> Full = new("--full") { Description = "Decode every frame, not only the first and the last." };
    private static readonly Option<bool> All = new("--all") { Description = "With --root, decode clips verified before and unchanged since, too." };
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
            Paths, Root, Full, All, FixLists, Workers, Against,
        };
        command.WithExamples("verify --root /data/k400", "verify --root /data/k400 --fix-lists", "verify clips/a.mp4 clips/b.mp4 --full", "verify --against /data/k400/lists/manifest.csv.gz   # bit rot");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    /// <summary>With --root, the results are recorded in its store (and --fix-lists rewrites its lists): a writing
    /// command. Clips given by path, and --against, write to no root.</summary>
    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var root = parse.GetValue(Root);
        if (parse.GetValue(Against) is { } against)
            return new WritePlan(null, (session, token) => AgainstAsync(session.Console, against, root, parse.GetValue(Workers), token));
        var paths = parse.GetValue(Paths) ?? [];
        if (root is null && paths.Length == 0)
            throw new RefusedException("give --root DIR or the clips/folders to check.");
        if (parse.GetValue(FixLists) && root is null)
            throw new RefusedException("--fix-lists needs --root (the lists are ROOT/lists).");
        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
            throw new RefusedException($"not found: {missing}");
        var folders = paths.Length > 0 ? paths : root!.ResizedFolders();
        var clips = VerifyRunner.ClipsUnder(folders);
        if (clips.Count == 0)
            throw new RefusedException(folders.Count == 0
                ? $"no resized clips under {root!.Path} (no videos_<S>p folder); run prepare or resize first. Nothing was written."
                : $"no clips in {string.Join(", ", folders)}; nothing was written.");
        var tools = await services.MediaToolsAsync(cancellationToken);

        return new WritePlan(root, async (session, token) =>
        {
            var console = session.Console;
            var runner = new VerifyRunner(tools, parse.GetValue(Full), parse.GetValue(Workers), session.OptionalStore, root?.Path) { All = parse.GetValue(All) };
            var (results, unchanged) = await session.ShowAsync("verify", "clips", progress => runner.RunAsync(clips, progress, token),
                "Cancelled. The clips checked so far are recorded.");

            var bad = results.Where(r => !r.Ok).ToList();
            console.Out.WriteLine($"{Words.Count(results.Count, "clip")} checked, {bad.Count} unreadable."
                                  + (unchanged > 0 ? $" {unchanged:N0} of them unchanged since an earlier verify, not decoded again (--all decodes every clip)." : ""));
            foreach (var clip in bad)
                console.Error.WriteLine($"  {clip.Path}: {VerifyReason.Plain(clip.Reason, clip.Duration)}");
            // ffmpeg's own words, in full, for whoever digs further.
            if (bad.Count > 0 && root is not null)
            {
                var log = Path.Combine(root.StateFolder, "logs", $"verify-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
                File.WriteAllLines(log, bad.Select(c => $"{c.Path}: {c.Reason?.ReplaceLineEndings(" | ")}"));
                console.Out.WriteLine($"ffmpeg's messages for them: {log}");
            }
            // What the lists promise: a clip they name that is gone fails as surely as one that does not decode.
            var missing = root is null ? [] : ListedClips.Missing(root);
            if (missing.Count > 0)
                console.Out.WriteLine($"{Words.Count(missing.Count, "listed clip")} not on disk.");
            foreach (var (list, clip) in missing)
                console.Error.WriteLine($"  {clip}: listed in {list}, not on disk");
            if (parse.GetValue(FixLists) && bad.Count + missing.Count > 0)
            {
                var lists = session.Root.Lists;
                var badPaths = bad.Select(c => Path.Combine(session.Root.Path, c.Path)).Concat(bad.Select(c => c.Path)).Concat(missing.Select(m => m.Clip))
                    .ToHashSet(StringComparer.Ordinal);
                var removed = Directory.Exists(lists) ? ListFixer.RemoveClips(lists, badPaths) : 0;
                console.Out.WriteLine($"Removed {Words.Count(removed, "line")} from the lists in {lists}.");
            }
            return bad.Count + missing.Count;
        });
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
            throw new RefusedException(e.Message);
        }
        var folder = root?.Path ?? Path.GetDirectoryName(Path.GetDirectoryName(against.FullName))!;
        var (count, mismatches) = await StageDisplay.RunAsync(console, "verify", "clips",
            progress => ManifestCheck.RunAsync(manifest, folder, workers, progress, cancellationToken), "Cancelled.");
        console.Out.WriteLine($"{Words.Count(count, "clip")} checked against {against.FullName}: {mismatches.Count} not as recorded.");
        foreach (var mismatch in mismatches)
            console.Error.WriteLine($"  {mismatch.Path}: {mismatch.Problem}");
        return mismatches.Count;
    }
}
