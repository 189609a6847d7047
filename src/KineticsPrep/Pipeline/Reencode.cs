using System.Globalization;
using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// --reencode without putting the old clips at risk: the new clips are made in a staging folder under
/// <c>.kinetics-prep/reencode/</c>, and the root takes them (the store first, then one folder rename) only once every
/// clip that can be made is made. Until then the old settings, clips and lists stay in force, and the same command
/// resumes. The settings asked for wait in the store under a "reencode " prefix.
/// </summary>
internal sealed class Reencode(DatasetRoot root)
{
    private const string PendingPrefix = "reencode ";

    /// <summary>Recorded with the swap, until the staging folder is renamed into place: the short side it holds.</summary>
    private const string MovingSetting = "reencode-moving videos";

    private string Folder => Path.Combine(root.StateFolder, "reencode");

    public string StagingFolder(int shortSide) => Path.Combine(Folder, $"videos_{shortSide}p");

    private string Retired(int shortSide) => Path.Combine(Folder, $"old-videos_{shortSide}p");

    /// <summary>The settings of a re-encode under way; null when none is.</summary>
    public static IReadOnlyDictionary<string, string>? Pending(StateStore store)
    {
        var pending = store.Settings().Where(s => s.Key.StartsWith(PendingPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Key[PendingPrefix.Length..], s => s.Value, StringComparer.Ordinal);
        return pending.Count > 0 ? pending : null;
    }

    /// <summary>Starts (or resumes) making the clips with <paramref name="wanted"/>; a re-encode to other settings left half done is dropped.</summary>
    public void Begin(StateStore store, IReadOnlyDictionary<string, string> wanted, int shortSide)
    {
        if (Pending(store) is { } pending && !pending.OrderBy(p => p.Key).SequenceEqual(wanted.OrderBy(w => w.Key)))
            Drop(store);
        store.RecordSettings(wanted.ToDictionary(w => PendingPrefix + w.Key, w => w.Value, StringComparer.Ordinal), replace: true);
        Directory.CreateDirectory(StagingFolder(shortSide));
    }

    /// <summary>Forgets a re-encode under way and its clips: the run asks for the settings in force again, or for others.</summary>
    public void Drop(StateStore store)
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
        store.ForgetResizedUnder(root.Key(Folder) + "/");
        foreach (var name in store.Settings().Keys.Where(k => k.StartsWith(PendingPrefix, StringComparison.Ordinal)))
            store.ForgetSetting(name);
    }

    /// <summary>
    /// The root takes the new clips: the store records them under their final paths and the new settings as the root's,
    /// in one transaction; then the staging folder is renamed into place and the old clips are deleted.
    /// </summary>
    public void Finish(StateStore store, IReadOnlyDictionary<string, string> wanted, int oldShortSide, int shortSide)
    {
        var moving = new Dictionary<string, string>(wanted) { [MovingSetting] = shortSide.ToString(CultureInfo.InvariantCulture) };
        store.AdoptStaged(root.Key(StagingFolder(shortSide)) + "/", root.Key(root.Resized(shortSide)) + "/", moving, PendingPrefix);
        Move(store, shortSide);
        if (oldShortSide != shortSide && Directory.Exists(root.Resized(oldShortSide)))
            Directory.Delete(root.Resized(oldShortSide), recursive: true);
    }

    /// <summary>A swap the store recorded but a kill kept from the disk: finished now.</summary>
    public void CompleteMove(StateStore store)
    {
        if (store.Settings().GetValueOrDefault(MovingSetting) is { } shortSide)
            Move(store, int.Parse(shortSide, CultureInfo.InvariantCulture));
    }

    private void Move(StateStore store, int shortSide)
    {
        var (staged, final, retired) = (StagingFolder(shortSide), root.Resized(shortSide), Retired(shortSide));
        if (Directory.Exists(staged))
        {
            if (Directory.Exists(final))
                Directory.Move(final, retired);
            Directory.Move(staged, final);
        }
        if (Directory.Exists(retired))
            Directory.Delete(retired, recursive: true);
        store.ForgetSetting(MovingSetting);
    }
}
