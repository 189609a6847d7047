using System.CommandLine;
using KineticsPrep.Annotate;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Pipeline;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Commands.Stages;

/// <summary><c>kinetics-prep annotate</c>: training lists from the official CSVs and the clips that exist.</summary>
internal static class AnnotateCommand
{
    private static readonly Option<DatasetRoot?> Root = SharedOptions.OptionalRoot(
        "Dataset root: its annotations/, its one videos_<S>p/ and its lists/ stand in for the three folders below (each still overrides).").WritesLists();
    private static readonly Option<DirectoryInfo?> Annotations = new("--annotations") { Description = "Folder with train.csv, validate.csv or val.csv, test.csv." };
    private static readonly Option<DirectoryInfo?> Videos = new("--videos") { Description = "Folder searched recursively for <youtube_id>_<start>_<end>.<ext> clips." };
    private static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "Where the lists, labels.txt, missing_<split>.txt and report.json go." };
    private static readonly Option<string?> Labels = SharedOptions.Labels();
    private static readonly Option<DirectoryInfo?> Replacement = new("--replacement") { Description = "CVDF replacement clips, used in place of the originals. Default: a 'replacement' folder under --videos." };
    private static readonly Option<DirectoryInfo?> RelativeTo = new("--relative-to") { Description = "Write paths relative to this folder instead of absolute ones." };
    private static readonly Option<string?> Format = SharedOptions.ListFormat();
    private static readonly Option<string?> For = Codebase.Option();
    private static readonly Option<bool> SkipBadRows = new("--skip-bad-rows") { Description = "Report malformed rows and unknown labels, and go on." };
    private static readonly Option<bool> Check = new("--check") { Description = "Open every found clip with ffprobe and leave out unreadable ones." };
    private static readonly Option<int> Workers = SharedOptions.Workers("Clips checked at once with --check.");
    private static readonly Option<string?> ExcludeOverlapWith = SharedOptions.ExcludeOverlapWith();
    private static readonly Option<string?> Classes = SharedOptions.Classes();
    private static readonly Option<int?> MaxPerClass = SharedOptions.MaxPerClass();
    private static readonly Option<string?> MirrorOption = SharedOptions.Mirror();

    public static Command Create(CliServices services)
    {
        var command = new Command("annotate", "Write train/val/test lists of the clips that exist, with class ids in the community's order.")
        {
            Root, For, Annotations, Videos, Out, Labels, Replacement, RelativeTo, Format, SkipBadRows, Check, Workers, ExcludeOverlapWith, MirrorOption, Classes, MaxPerClass,
        };
        command.WithExamples("annotate --root /data/k400 --labels videomaev2-k400", "annotate --annotations ann/ --videos videos_320p/ --out lists/", "annotate --root /data/k700 --exclude-overlap-with k400:val");
        command.Writes(services, (parse, _, cancellationToken) => PlanAsync(parse, services, cancellationToken));
        return command;
    }

    private static async Task<WritePlan> PlanAsync(ParseResult parse, CliServices services, CancellationToken cancellationToken)
    {
        var root = parse.GetValue(Root);
        var resized = root?.ResizedFolders() ?? [];
        // A Kinetics-710 root's lists come from the recipe's rows (see prepare k710), with the K710 map.
        var k710 = root is not null && RunFacts.ReleaseOf(root) == DatasetCatalog.K710;
        var annotations = parse.GetValue(Annotations)?.FullName ?? (k710 ? root!.ForRelease(DatasetCatalog.K710).Annotations : root?.Annotations);
        var videos = parse.GetValue(Videos)?.FullName ?? (resized.Count == 1 ? resized[0] : null);
        var lists = parse.GetValue(Out)?.FullName ?? root?.Lists;
        if (annotations is null || videos is null || lists is null)
            throw new RefusedException(root is not null && parse.GetValue(Videos) is null && resized.Count != 1
                ? $"{root.Path} has {(resized.Count == 0 ? "no videos_<S>p folder" : "several: " + string.Join(", ", resized))}; give --videos."
                : "give --root DIR, or --annotations, --videos and --out.");
        // Lists of nothing would be written with every clip missing: an empty folder is a wrong path, said now.
        if (Directory.Exists(videos) && !Directory.EnumerateFiles(videos, "*", SearchOption.AllDirectories).Any(VideoFiles.IsVideo))
            throw new RefusedException($"no clips under {videos} (looked for .{string.Join(", .", VideoFiles.Extensions)} files, in subfolders too); " +
                                       "nothing was written.");
        var codebase = Codebase.Of(parse, For);
        var release = (root is null ? null : RunFacts.ReleaseOf(root)) ?? "k400";
        var format = parse.GetValue(Format) ?? codebase?.Format;
        // Paths relative to --relative-to are what the lists hold then; otherwise the clips' own.
        if (ListFormat.PathProblem(parse.GetValue(RelativeTo) is { } relativeTo ? Path.GetRelativePath(relativeTo.FullName, videos) : videos) is { } problem)
            throw new RefusedException(problem);
        // A list never replaces a file the tool did not write: the official CSVs share the csv format's names.
        var listFormat = ListFormat.Find(format ?? ListFormat.Default.Name)!;
        if (SplitFiles.In(annotations).Select(f => listFormat.PathFor(lists, f.Split)).FirstOrDefault(path => File.Exists(path) && AnnotationCsv.IsOfficial(path)) is { } official)
            throw new RefusedException($"{official} is an annotation CSV, and the {listFormat.Name} list would be written over it: give another --out.");
        var options = new AnnotateOptions(annotations, videos, lists)
        {
            Labels = parse.GetValue(Labels) ?? codebase?.LabelsFor(release),
            Format = ListFormat.Find(format ?? ListFormat.Default.Name)!,
            Replacement = parse.GetValue(Replacement)?.FullName,
            RelativeTo = parse.GetValue(RelativeTo)?.FullName,
            SkipBadRows = parse.GetValue(SkipBadRows),
            Check = parse.GetValue(Check),
            Workers = parse.GetValue(Workers),
            Subset = SharedOptions.Subset(parse, Classes, MaxPerClass),
            ManifestRoot = root,
            Release = root is null ? null : DatasetCatalog.Find(release),
        };
        var tools = options.Check ? await services.MediaToolsAsync(cancellationToken) : await services.OptionalMediaToolsAsync(cancellationToken);
        var excluded = parse.GetValue(ExcludeOverlapWith);
        var fetch = services.AnnotationFetch(parse.GetValue(MirrorOption));

        // Writing a root's lists is writing the root; other lists are their own folder's.
        return new WritePlan(root ?? new DatasetRoot(options.Out), async (session, token) =>
        {
            // A root keeps what it leaves out; a lists folder of its own has no record of it.
            var exclusion = root is null ? excluded : ExclusionSetting.Claim(root, session.Store, excluded);
            options = options with
            {
                ExcludeIds = await session.Console.SayIfSlowAsync(WaitNotice.Fetching(fetch, exclusion),
                    fetch.ExcludedIdsAsync(session.Root, exclusion, token)),
            };
            if (root is not null)
            {
                var (recorded, labels) = ListsRecipe.Claim(root, format, options.Labels, k710 ? DatasetCatalog.K710LabelMap : null);
                options = options with { Format = recorded, Labels = labels };
            }
            if (codebase is not null)
                session.Console.Out.WriteLine(codebase.Describe(release));
            var report = await session.Console.SayIfSlowAsync(
                options.Check ? "Reading the annotation files, opening every clip with ffprobe and writing the lists" : "Reading the annotation files and the clips, and writing the lists",
                new Annotator(options, tools).RunAsync(token));
            AnnotateSummary.Print(session.Console, report, options.Out);
            return report.Problems;
        })
        {
            MayCreate = root is null,
            KeepsState = root is not null,
        };
    }
}
