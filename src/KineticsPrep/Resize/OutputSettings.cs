using System.Globalization;

namespace KineticsPrep.Resize;

/// <summary>
/// The settings that decide what resized clips are. A root keeps the ones its clips were made with (a standalone
/// <c>resize</c>, the ones of its destination folder, as a scope of its own); a run that asks for others is refused,
/// naming both (<see cref="State.SettingChange"/>), unless it re-encodes: its clips and lists would not match those
/// already there.
/// </summary>
public static class OutputSettings
{
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
            ["--upscale"] = options.Upscale ? "on" : State.SettingChange.Off,
            ["--keep-audio"] = options.KeepAudio ? "on" : State.SettingChange.Off,
            ["--always-encode"] = options.AlwaysEncode ? "on" : State.SettingChange.Off,
        }.ToDictionary(s => scope.Length == 0 ? s.Key : $"{scope} {s.Key}", s => s.Value, StringComparer.Ordinal);
}
