using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// The list format and label map are part of a root's recipe: recorded by the run that chooses them (prepare or
/// annotate --root), and used by every later run that does not name them, so a plain rerun keeps the ids the lists and
/// exports were made with. A run that names others changes them on purpose: the lists are written with them, and the
/// exports made from the old lists show as stale until made again.
/// </summary>
public static class ListsRecipe
{
    public const string FormatName = "--format";
    public const string LabelsName = "--labels";

    /// <summary>Where a label map file given by path is kept (root-relative), so that later runs do not depend on it.</summary>
    private const string LabelsCopyName = "lists labels-file";

    /// <summary>
    /// The format and label map this run writes the lists with: those asked for, else those recorded, else the
    /// defaults. Kept in the root's main store, which only a run that writes the lists (holding the root alone) changes.
    /// </summary>
    /// <param name="askedFormat">--format as given; null when not given.</param>
    /// <param name="askedLabels">--labels as given; null when not given.</param>
    /// <param name="defaultLabels">The map of a root that recorded none: null for the sorted train labels, or the release's own (Kinetics-710's).</param>
    /// <exception cref="AnnotationException">--labels names neither a built-in map nor a readable file.</exception>
    public static (ListFormat Format, string? Labels) Claim(DatasetRoot root, string? askedFormat, string? askedLabels, string? defaultLabels = null)
    {
        var store = StateStore.Open(root);
        var recorded = store.Settings();
        var format = ListFormat.Find(askedFormat ?? recorded.GetValueOrDefault(FormatName) ?? ListFormat.Default.Name)!;
        store.RecordSettings(new Dictionary<string, string> { [FormatName] = format.Name }, replace: true);
        if (recorded.GetValueOrDefault(LabelsCopyName) is { } kept && askedLabels is null)
            return (format, Path.Combine(root.Path, kept));
        askedLabels ??= recorded.GetValueOrDefault(LabelsName) ?? defaultLabels;
        if (askedLabels is null)
            return (format, null);
        if (LabelMap.BuiltIn.Contains(askedLabels))
        {
            store.ForgetSetting(LabelsCopyName);
            store.RecordSettings(new Dictionary<string, string> { [LabelsName] = askedLabels }, replace: true);
            return (format, askedLabels);
        }
        LabelMap.Load(askedLabels);
        var copy = Path.Combine(root.StateFolder, "label-map" + Path.GetExtension(askedLabels));
        if (Path.GetFullPath(askedLabels) != copy)
            File.Copy(askedLabels, copy, overwrite: true);
        store.RecordSettings(new Dictionary<string, string> { [LabelsName] = Path.GetFullPath(askedLabels), [LabelsCopyName] = root.Key(copy) }, replace: true);
        return (format, copy);
    }
}
