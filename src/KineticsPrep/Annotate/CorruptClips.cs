using KineticsPrep.Dataset;

namespace KineticsPrep.Annotate;

/// <summary>The listed clips that ffprobe cannot open (--check), with its reason. Asked of every clip, and nearly
/// always empty: then no clip's path is made to ask.</summary>
internal sealed class CorruptClips(IReadOnlyDictionary<string, string> reasons)
{
    public static CorruptClips None { get; } = new(new Dictionary<string, string>());

    public bool Holds(ListedClip clip) => reasons.Count > 0 && reasons.ContainsKey(clip.Path);

    public string Reason(ListedClip clip) => reasons[clip.Path];
}
