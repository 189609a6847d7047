using System.CommandLine;
using KineticsPrep.Dataset;

namespace KineticsPrep.Cli.Options;

/// <summary>Options that several commands take, made fresh for each command.</summary>
internal static class SharedOptions
{
    public static Option<DatasetRoot> Root(string description) =>
        new("--root") { Description = description, Required = true, CustomParser = ParseRoot };

    /// <summary>--root for a command that can also be given its folders one by one; when given, it must be there.</summary>
    public static Option<DatasetRoot?> OptionalRoot(string description) =>
        MustExist(new Option<DatasetRoot?>("--root") { Description = description, CustomParser = ParseRoot });

    /// <summary>--root of a command that writes lists: a path the lists could not hold is a usage error.</summary>
    public static Option<T> WritesLists<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is DatasetRoot root && RootProblem(root, mustExist: false, writesLists: true) is { } problem)
                result.AddError(problem);
        });
        return option;
    }

    private static Option<T> MustExist<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is DatasetRoot root && RootProblem(root, mustExist: true, writesLists: false) is { } problem)
                result.AddError(problem);
        });
        return option;
    }

    /// <summary>Why a root given to a command cannot be used: it is not there (where it must be), or the lists the
    /// command writes could not name clips under its path. Null when it can.</summary>
    public static string? RootProblem(DatasetRoot root, bool mustExist, bool writesLists) =>
        mustExist && !root.Exists ? $"Root folder not found: {root.Path}"
        : writesLists ? KineticsPrep.Dataset.ListFormat.PathProblem(root.Path)
        : null;

    public static DatasetRoot ParseRoot(System.CommandLine.Parsing.ArgumentResult result) => new(result.Tokens.Single().Value);

    public static Option<int> ShortSide() =>
        new Option<int>("--short-side", "--scale") { Description = "Short side in pixels (even).", HelpName = "S", DefaultValueFactory = _ => 320 }
            .Require(side => side is >= 2 and <= 8192 && side % 2 == 0, "--short-side must be an even number of pixels, 2 to 8192.");

    public static Option<double?> Fps(string description) =>
        new Option<double?>("--fps") { Description = description, HelpName = "F" }.Require(fps => fps is null or > 0 and <= 1000, "--fps must be above 0, at most 1000.");

    public static Option<int> Workers(string description, params string[] aliases) =>
        new Option<int>("--workers", aliases) { Description = description, HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount }
            .Require(workers => workers >= 1, "--workers must be at least 1.");

    public static Option<int> Jobs(string description, int defaultValue) =>
        new Option<int>("--jobs") { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue }
            .Require(jobs => jobs >= 1, "--jobs must be at least 1.");

    /// <summary>--format; null when not given (a root's recorded format, else the default).</summary>
    public static Option<string?> ListFormat() =>
        new Option<string?>("--format")
        {
            Description = $"{string.Join(", ", KineticsPrep.Dataset.ListFormat.All.Select(f => f.Name))}. Default: the root's, else videomae.",
            HelpName = "NAME",
        }.OneOf(KineticsPrep.Dataset.ListFormat.Names);

    public static Option<string> Profile() =>
        new Option<string>("--profile")
        {
            Description = "For the loader: " + string.Join(", ", KineticsPrep.Resize.EncodeProfile.All.Select(p => p.Name)) + ".",
            HelpName = "NAME",
            DefaultValueFactory = _ => KineticsPrep.Resize.EncodeProfile.Default.Name,
        }.OneOf(KineticsPrep.Resize.EncodeProfile.All.Select(p => p.Name).ToList());

    public static Option<string?> Labels()
    {
        var option = new Option<string?>("--labels")
        {
            Description = "Label map: built-in (mmaction2-k400, …) or a file.",
            HelpName = "NAME|FILE",
        };
        // A map that cannot be read is a usage error, said before anything is written.
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } labels)
                return;
            try
            {
                KineticsPrep.Dataset.LabelMap.Load(labels);
            }
            catch (KineticsPrep.Errors.KineticsPrepException e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }

    public static Option<string?> Mirror() => new("--mirror")
    {
        Description = "A server or folder with the CVDF's tree.",
        HelpName = "URL|DIR",
    };

    public static Option<string?> Classes() => new("--classes")
    {
        Description = "Only these classes (NAME,… or a file).",
        HelpName = "NAMES|FILE",
    };

    public static Option<int?> MaxPerClass() =>
        new Option<int?>("--max-per-class") { Description = "At most N clips per class and split.", HelpName = "N" }
            .Require(value => value is not <= 0, "--max-per-class must be a positive whole number.");

    /// <summary>The subset that <c>--classes</c> and <c>--max-per-class</c> ask for; null when neither is given.</summary>
    public static KineticsPrep.Dataset.ClassSubset? Subset(ParseResult parse, Option<string?> classes, Option<int?> maxPerClass) =>
        parse.GetValue(classes) is null && parse.GetValue(maxPerClass) is null
            ? null
            : new KineticsPrep.Dataset.ClassSubset(parse.GetValue(classes) is { } names ? KineticsPrep.Dataset.ClassSubset.ParseClasses(names) : null,
                parse.GetValue(maxPerClass));

    public static Option<string?> ExcludeOverlapWith() => SplitsOfReleases("--exclude-overlap-with",
        "Leave out the ids of these splits (k400:val).");

    /// <summary>An option of RELEASE:SPLIT[,…] ("k400:val,k600:val"), checked by the parser.</summary>
    public static Option<string?> SplitsOfReleases(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "R:S,…" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && KineticsPrep.Dataset.SplitOfRelease.ParseList(text).Error is { } error)
                r.AddError($"{name}: {error}.");
        });
        return option;
    }

    /// <param name="k710">Also Kinetics-710, the merged set of the three releases.</param>
    public static Argument<string> Dataset(bool k710 = false)
    {
        var names = KineticsPrep.Dataset.DatasetCatalog.Versions.Select(v => v.Name).Concat(k710 ? [KineticsPrep.Dataset.DatasetCatalog.K710] : []).ToList();
        var argument = new Argument<string>("DATASET") { Description = string.Join(", ", names[..^1]) + " or " + names[^1] + "." };
        argument.Validators.Add(r =>
        {
            if (!names.Contains(r.GetValueOrDefault<string>() ?? "", StringComparer.OrdinalIgnoreCase))
                r.AddError("DATASET must be one of: " + string.Join(", ", names) + ".");
        });
        return argument;
    }

    public static Option<int> Retries() =>
        new Option<int>("--retries")
        {
            Description = "Retries per file.",
            HelpName = "N",
            DefaultValueFactory = _ => new KineticsPrep.Download.DownloadOptions().Retries,
        }.Require(retries => retries >= 0, "--retries must be 0 or more.");

    public static Option<int> MinimumRate() =>
        new Option<int>("--min-rate")
        {
            Description = "Slowest KiB/s before a retry (0: off).",
            HelpName = "KIB",
            DefaultValueFactory = _ => (int)(new KineticsPrep.Download.DownloadOptions().MinimumRate / 1024),
        }.Require(rate => rate >= 0, "--min-rate must be 0 or more KiB/s.");

    public static Option<string> Splits() => new("--splits") { Description = "Comma-separated splits.", HelpName = "LIST", DefaultValueFactory = _ => "train,val,test" };

    /// <summary>The splits asked for, or an error naming the unknown ones.</summary>
    public static (IReadOnlyList<string> Splits, string? Error) ParseSplits(string text, KineticsPrep.Dataset.DatasetVersion version)
    {
        var splits = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = splits.Except(version.Splits).ToList();
        return unknown.Count == 0
            ? (splits, null)
            : (splits, $"unknown split(s) {string.Join(", ", unknown)}; {version.Name} has {string.Join(", ", version.Splits)}.");
    }
}
