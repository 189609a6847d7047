using System.CommandLine;
using System.Globalization;
using KineticsPrep.Dataset;

namespace KineticsPrep.Cli.Options;

/// <summary>
/// --for CODEBASE: the list format, label map, short side, profile and frame rate that a codebase's published K400
/// configs and data docs use (sources in docs/PRESETS.md). Explicit options win over it.
/// </summary>
/// <param name="LabelFamily">Built-in label maps "FAMILY-k400", "-k600", "-k700"; null: the sorted train labels.</param>
/// <param name="Source">Where the facts come from, said when the preset is applied.</param>
internal sealed record Codebase(string Name, string Format, string? LabelFamily, int ShortSide, string Profile, double? Fps, string Source)
{
    public static readonly IReadOnlyList<Codebase> All =
    [
        new("videomae", "videomae", "videomaev2", 320, "seekable", null, "VideoMAE DATASET.md"),
        new("videomaev2", "videomae", "videomaev2", 320, "seekable", null, "VideoMAEv2 docs/DATASET.md"),
        new("mmaction2", "mmaction2", "mmaction2", 256, "seekable", null, "mmaction2 tools/data/kinetics/README.md"),
        new("slowfast", "slowfast", "pytorchvideo", 256, "seekable", 30, "SlowFast slowfast/datasets/DATASET.md"),
        new("uniformerv2", "uniformerv2", null, 320, "seekable", null, "UniFormerV2 DATASET.md"),
        new("pytorchvideo", "videomae", "pytorchvideo", 256, "seekable", null, "pytorchvideo docs data_preparation.md"),
        new("timesformer", "videomae", null, 256, "seekable", null, "TimeSformer timesformer/datasets/DATASET.md"),
    ];

    public static Option<string?> Option() => new Option<string?>("--for")
    {
        Description = "Choose format, labels, size for: " + string.Join(", ", All.Select(c => c.Name)) + ".",
        HelpName = "CODEBASE",
    }.OneOf(All.Select(c => c.Name).ToList());

    public static Codebase? Of(ParseResult parse, Option<string?> option) => parse.GetValue(option) is { } name ? All.First(c => c.Name == name) : null;

    /// <summary>The built-in label map of the release's published checkpoints; null when the codebase has none for it.</summary>
    public string? LabelsFor(string release)
    {
        var suffix = release switch { "k400" => "k400", "k600" => "k600", "k700-2020" => "k700", DatasetCatalog.K710 => "k710", _ => release };
        return LabelFamily is { } family && LabelMap.BuiltIn.Contains($"{family}-{suffix}") ? $"{family}-{suffix}" : null;
    }

    /// <summary>"--for videomaev2 (VideoMAEv2 docs/DATASET.md):" and, on the next line, "  --format videomae, …".</summary>
    public string Describe(string release) =>
        $"--for {Name} ({Source}), unless given otherwise:{Environment.NewLine}  " + string.Join(", ", Settings(release).Select(c => $"{c.Key} {c.Value}")) + ".";

    /// <summary>The settings it chooses for a release, by option name.</summary>
    public IReadOnlyDictionary<string, string> Settings(string release)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["--format"] = Format };
        settings["--labels"] = LabelsFor(release) ?? "the sorted train labels";
        settings["--short-side"] = ShortSide.ToString(CultureInfo.InvariantCulture);
        settings["--profile"] = Profile;
        if (Fps is { } fps)
            settings["--fps"] = fps.ToString(CultureInfo.InvariantCulture);
        return settings;
    }
}
