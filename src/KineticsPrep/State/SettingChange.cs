namespace KineticsPrep.State;

/// <summary>
/// A setting that a state store recorded with one value and a run asks for with another: what its outputs were made
/// with against what the run would make. Keys may carry a scope before the option ("videos_320p/train --crf",
/// "rawframes --fps"); <see cref="Option"/> is the option alone.
/// </summary>
public sealed record SettingChange(string Option, string Recorded, string Wanted)
{
    public override string ToString() => $"{Given(Option, Recorded)} → {Given(Option, Wanted)}";

    /// <summary>Every setting that <paramref name="stores"/> recorded with another value than <paramref name="wanted"/>.</summary>
    public static IReadOnlyList<SettingChange> Between(IEnumerable<StateStore> stores, IReadOnlyDictionary<string, string> wanted) =>
        stores.SelectMany(store => store.Settings())
            .Where(setting => wanted.TryGetValue(setting.Key, out var value) && value != setting.Value)
            .Select(setting => new SettingChange(setting.Key[(setting.Key.LastIndexOf(' ') + 1)..], setting.Value, wanted[setting.Key]))
            .Distinct()
            .ToList();

    /// <summary>The refusal of a run that asks for other settings than <paramref name="where"/>'s outputs were made with.</summary>
    /// <param name="outputs">What would not match: "clips and lists".</param>
    /// <param name="redo">The option that makes them again, and what it does: "--reencode to make the clips again with the new settings".</param>
    /// <param name="elsewhere">Another way out ("prepare into another --root"), or null.</param>
    public static string Refusal(string where, IReadOnlyList<SettingChange> changes, string outputs, string redo, string? elsewhere)
    {
        var (recorded, wanted) = (Given(changes[0].Option, changes[0].Recorded), Given(changes[0].Option, changes[0].Wanted));
        return $"{where} was made with {recorded}, and this run asks for {wanted}" +
               (changes.Count > 1 ? $" (and {changes.Count - 1} more: {string.Join(", ", changes.Skip(1))})" : "") +
               $": its {outputs} would not match those already there. Run again with {recorded}, " +
               (elsewhere is null ? $"or add {redo}." : $"add {redo}, or {elsewhere}.");
    }

    /// <summary>The option as a command line gives it: "--crf 23"; "no --fps" for one left out, "--upscale" for a switch on.</summary>
    private static string Given(string option, string value) => value switch
    {
        Off => $"no {option}",
        "on" => option,
        _ => $"{option} {value}",
    };

    /// <summary>The value recorded for a switch that is off, or an option left out.</summary>
    public const string Off = "off";
}
