using System.Text.Json;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Report;

/// <summary>
/// What a root was made with, as its stores and lists/summary.json recorded it: the release, every output setting,
/// the subset and exclusions, the list format and label map, and the tools' versions. status and the report print it.
/// </summary>
public static class RootRecipe
{
    private static readonly string[] SettingOrder =
        [RunFacts.Release, "--short-side", "--profile", "--crf", "--preset", "--fps", "--gop", "--x264-params", "--scaler"];

    /// <summary>lists/summary.json, when annotate (or prepare) wrote one.</summary>
    public static ListsSummary? ListsSummaryOf(DatasetRoot root)
    {
        var file = Path.Combine(root.Lists, DatasetRoot.ListsSummaryFileName);
        return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllText(file), DatasetJson.Indented.ListsSummary) : null;
    }

    /// <summary>The release, every output setting, the list settings and the tools' versions, as the stores and annotate recorded them.</summary>
    public static IReadOnlyList<ReportSetting> Of(IReadOnlyList<StateStore> stores, ListsSummary? annotate)
    {
        var recorded = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in stores.SelectMany(s => s.Settings()).Where(s => !s.Key.Contains(' ', StringComparison.Ordinal)))
            recorded.TryAdd(name, value);
        string[] listSettings = ["--format", "--labels"];
        var ordered = SettingOrder.Where(recorded.ContainsKey)
            .Concat(recorded.Keys.Where(k => !SettingOrder.Contains(k) && !listSettings.Contains(k) && k is not RunFacts.Tool and not RunFacts.FFmpeg
                                             && !k.StartsWith(RunFacts.ToolchainPrefix, StringComparison.Ordinal)))
            .Select(k => new ReportSetting(k, recorded[k]))
            .ToList();
        // The lists' settings, as recorded; lists written before the stores kept them (or outside a root) say them in summary.json.
        foreach (var (name, written) in listSettings.Zip(new[] { annotate?.Format, annotate?.LabelMap }))
        {
            if ((recorded.GetValueOrDefault(name) ?? written) is { } value)
                ordered.Add(new ReportSetting(name, value));
        }
        ordered.Add(new ReportSetting("clips made by", $"kinetics-prep {recorded.GetValueOrDefault(RunFacts.Tool, "?")}, ffmpeg {recorded.GetValueOrDefault(RunFacts.FFmpeg, "?")}"));
        return ordered;
    }
}
