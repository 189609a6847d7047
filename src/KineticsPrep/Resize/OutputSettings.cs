using System.Globalization;
using KineticsPrep.State;

namespace KineticsPrep.Resize;

/// <summary>
/// The settings that decide what resized clips are. A root keeps the ones its clips were made with (a standalone
/// <c>resize</c>, the ones of its destination folder, as a scope of its own); a run that asks for others is refused,
/// naming both, unless it re-encodes: its clips and lists would not match those already there.
/// </summary>
public static class OutputSettings
{
    /// <summary>A setting recorded with one value that a run asks for with another.</summary>
    public sealed record Change(string Option, string Recorded, string Wanted)
    {
        public override string ToString() => $"{Option} {Recorded} → {Option} {Wanted}";
    }

    /// <param name="scope">Empty for a prepared root; the destination's key for a standalone resize.</param>
    public static IReadOnlyDictionary<string, string> Of(ResizeOptions options, string scope = "") =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--short-side"] = options.ShortSide.ToString(CultureInfo.InvariantCulture),
            ["--profile"] = options.Profile.Name,
            ["--crf"] = options.Crf.ToString(CultureInfo.InvariantCulture),
            ["--fps"] = options.Fps?.ToString(CultureInfo.InvariantCulture) ?? "the source's",
            ["--gop"] = options.Gop?.ToString(CultureInfo.InvariantCulture) ?? "x264's",
            ["--preset"] = options.Preset,
            ["--x264-params"] = options.X264Params,
            ["--scaler"] = options.Scaler,
            ["--upscale"] = options.Upscale ? "on" : "off",
            ["--keep-audio"] = options.KeepAudio ? "on" : "off",
            ["--always-encode"] = options.AlwaysEncode ? "on" : "off",
        }.ToDictionary(s => scope.Length == 0 ? s.Key : $"{scope} {s.Key}", s => s.Value, StringComparer.Ordinal);

    /// <summary>Every setting that <paramref name="stores"/> recorded with another value than <paramref name="wanted"/>.</summary>
    public static IReadOnlyList<Change> Changes(IEnumerable<StateStore> stores, IReadOnlyDictionary<string, string> wanted) =>
        stores.SelectMany(store => store.Settings())
            .Where(setting => wanted.TryGetValue(setting.Key, out var value) && value != setting.Value)
            .Select(setting => new Change(OptionOf(setting.Key), setting.Value, wanted[setting.Key]))
            .Distinct()
            .ToList();

    /// <summary>The refusal for a run that asks for other settings than <paramref name="where"/>'s clips were made with.</summary>
    /// <param name="elsewhere">The other way out: "prepare into another --root".</param>
    public static string Refusal(string where, IReadOnlyList<Change> changes, string elsewhere)
    {
        var first = changes[0];
        return $"{where} was made with {first.Option} {first.Recorded}, and this run asks for {first.Option} {first.Wanted}" +
               (changes.Count > 1 ? $" (and {changes.Count - 1} more: {string.Join(", ", changes.Skip(1))})" : "") +
               $": its clips and lists would not match those already there. Run again with {first.Option} {first.Recorded}, add " +
               $"--reencode to make the clips again with the new settings, or {elsewhere}.";
    }

    private static string OptionOf(string name) => name[(name.LastIndexOf(' ') + 1)..];
}
