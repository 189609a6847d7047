using System.CommandLine;
using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Cli.Writing;
using KineticsPrep.Dataset;
using KineticsPrep.Download;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Commands.Inspect;

/// <summary>
/// <c>kinetics-prep overlap --root DIR [--with k400:val,…]</c>: the YouTube ids shared by every pair of splits the root
/// holds annotation files for, and of the splits named (fetched when the root lacks them).
/// </summary>
internal static class OverlapCommand
{
    private static readonly RootInput Root = new("Dataset root whose annotation files are compared.");
    private static readonly Option<string?> With = SharedOptions.SplitsOfReleases("--with",
        "Other releases' splits to compare too; their annotation files are fetched into ROOT/annotations/<release>/ when not there.");
    private static readonly Option<string?> MirrorOption = SharedOptions.Mirror();

    public static Command Create(CliServices services)
    {
        var command = new Command("overlap", "Show the YouTube ids shared between splits and releases (K400's val is largely in K700's train).")
        {
            With, MirrorOption,
        };
        Root.AddTo(command, "overlap");
        command.WithExamples("overlap --root /data/k400", "overlap --root /data/k700 --with k400:val,k600:val");
        command.Writes(services, (parse, _, _) => Task.FromResult(Plan(parse, services)));
        return command;
    }

    /// <summary>Fetching other releases' annotation files (--with) writes the root; comparing what it holds only reads it.</summary>
    private static WritePlan Plan(ParseResult parse, CliServices services)
    {
        var root = Root.Get(parse);
        var wanted = parse.GetValue(With) is { } text ? SplitOfRelease.ParseList(text).Splits : [];
        var fetch = services.AnnotationFetch(parse.GetValue(MirrorOption));
        return new WritePlan(wanted.Count > 0 ? root : null, async (session, cancellationToken) =>
        {
            var release = RunFacts.ReleaseOf(root);
            IReadOnlyList<(SplitOfRelease Split, string Path)> files;
            try
            {
                var fetched = await session.Console.SayIfSlowAsync(WaitNotice.Fetching(fetch, string.Join(",", wanted)),
                    fetch.EnsureAsync(root, release, wanted, cancellationToken));
                files = ReleaseAnnotations.Under(root, release).Concat(fetched).DistinctBy(f => f.Split).ToList();
            }
            catch (DownloadFailedException e)
            {
                throw new RefusedException($"cannot fetch an annotation file: {e.Message}");
            }
            if (files.Count < 2)
                throw new RefusedException($"{root.Path} holds {(files.Count == 0 ? "no annotation files" : "the annotation file of one split")}: nothing to compare. " +
                                         "Name others with --with RELEASE:SPLIT (e.g. --with k400:val).");

            var pairs = Overlap.Between(files.Select(f => (f.Split.ToString(), (IReadOnlySet<string>)ReleaseAnnotations.Ids(f.Path, f.Split.Split))).ToList());
            Print(session.Console, pairs);
            return 0;
        })
        {
            KeepsState = false,
        };
    }

    /// <summary>A table within 80 columns: each pair, its ids and the share of each side.</summary>
    public static void Print(CliConsole console, IReadOnlyList<Overlap.Pair> pairs)
    {
        console.Out.WriteLine("YouTube ids shared between splits:");
        console.Out.WriteLine($"  {"split",-15} {"ids",7} {"split",-15} {"ids",7} {"shared",7} {"of 1st",6} {"of 2nd",6}");
        foreach (var p in pairs)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.A,-15} {p.IdsOfA,7} {p.B,-15} {p.IdsOfB,7} {p.Shared,7} {Share(p.Shared, p.IdsOfA),6} {Share(p.Shared, p.IdsOfB),6}"));
    }

    private static string Share(int shared, int of) => of == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * shared / of:0.0}%");
}
