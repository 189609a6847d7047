using System.Globalization;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// The settings that decide what the resized clips are. A root keeps the ones its clips were made with; a run that
/// asks for others is refused, naming both, since its clips and lists would not match those already there.
/// </summary>
internal static class OutputSettings
{
    public static IReadOnlyDictionary<string, string> Of(PrepareOptions options) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--short-side"] = options.Resize.ShortSide.ToString(CultureInfo.InvariantCulture),
        ["--profile"] = options.Resize.Profile.Name,
        ["--crf"] = options.Resize.Crf.ToString(CultureInfo.InvariantCulture),
        ["--fps"] = options.Resize.Fps?.ToString(CultureInfo.InvariantCulture) ?? "the source's",
        ["--gop"] = options.Resize.Gop?.ToString(CultureInfo.InvariantCulture) ?? "x264's",
        ["--preset"] = options.Resize.Preset,
        ["--x264-params"] = options.Resize.X264Params,
        ["--scaler"] = options.Resize.Scaler,
        ["--upscale"] = options.Resize.Upscale ? "on" : "off",
        ["--keep-audio"] = options.Resize.KeepAudio ? "on" : "off",
        ["--always-encode"] = options.Resize.AlwaysEncode ? "on" : "off",
    };

    /// <summary>Compares with what every store under the root recorded, then records them in this run's store.</summary>
    /// <exception cref="PrepareRefusedException">The root's clips were made with other settings.</exception>
    public static void Check(PrepareOptions options, StateStore mine)
    {
        var wanted = Of(options);
        // Every store under the root, this run's included.
        var recorded = StateStore.AllUnder(options.Root).SelectMany(store => store.Settings());
        var clash = recorded.FirstOrDefault(setting => wanted.TryGetValue(setting.Key, out var value) && value != setting.Value);
        if (clash.Key is { } name)
            throw new PrepareRefusedException(
                $"{options.Root.Path} was prepared with {name} {clash.Value}, and this run asks for {name} {wanted[name]}: its clips and lists " +
                $"would not match those already there. Run again with {name} {clash.Value}, or prepare into another --root.");
        mine.RecordSettings(wanted);
    }
}
