using KineticsPrep.Media;
using KineticsPrep.Resize;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// A prepare run's output settings against those the root's clips were made with (<see cref="OutputSettings"/>):
/// the same, or new to the root, they are recorded; others are refused, or with --reencode this shard's clips are
/// taken back to be made again from their originals, which must all still be extracted (--keep-originals).
/// </summary>
internal static class RootSettings
{
    private const string SubsetSetting = "subset";

    /// <summary>
    /// A root prepared as a subset keeps it: another subset's clips were never extracted (re-encoding cannot make
    /// them), so a run asking for another is refused.
    /// </summary>
    private static void ClaimSubset(PrepareOptions options, IReadOnlyList<StateStore> stores, StateStore mine)
    {
        var wanted = options.Subset?.ToString() is { Length: > 0 } subset ? subset : "every class and clip";
        var recorded = RunFacts.Recorded(stores, SubsetSetting);
        if (recorded is not null && recorded != wanted)
            throw new PrepareRefusedException(
                $"{options.Root.Path} was prepared with {recorded}, and this run asks for {wanted}: the clips outside the first were never " +
                $"extracted. Run again with {recorded}, or prepare into another --root.");
        mine.RecordSettings(new Dictionary<string, string> { [SubsetSetting] = wanted });
    }

    /// <returns>What changed, when this run re-encodes (its clips go to <see cref="Reencode.StagingFolder"/>); else empty.</returns>
    /// <exception cref="PrepareRefusedException">Other settings without --reencode, or --reencode without the originals.</exception>
    public static IReadOnlyList<SettingChange> Claim(PrepareOptions options, StateStore mine, MediaTools tools, Toolchain toolchain)
    {
        var reencode = new Reencode(options.Root);
        reencode.CompleteMove(mine);
        // Every store under the root, this run's included.
        var stores = StateStore.AllUnder(options.Root, upgrade: true);
        ClaimSubset(options, stores, mine);
        var wanted = OutputSettings.Of(options.Resize);
        var changes = SettingChange.Between(stores, wanted);
        mine.RecordSettings(RunFacts.Of(options.RecordedRelease, tools.Version.ToString(), toolchain.Describe(), options.Mirror.Address),
            replace: true);
        var pending = Reencode.Pending(mine);
        if (changes.Count == 0)
        {
            // Back to the settings in force: a re-encode left half done is given up.
            if (pending is not null)
                reencode.Drop(mine);
            mine.RecordSettings(wanted);
            return [];
        }
        if (!options.Reencode)
            throw new PrepareRefusedException(SettingChange.Refusal(
                options.Root.Path, changes, "clips and lists", "--reencode to make the clips again with the new settings", "prepare into another --root"));

        var clips = mine.ProcessedClips().ToList();
        var gone = clips.Count(c => !File.Exists(Path.Combine(options.Root.VideosOf(c.Split), c.Clip)));
        if (gone > 0)
            throw new PrepareRefusedException(
                $"--reencode makes the clips again from their originals, but {gone} of {clips.Count} originals (under videos/) were " +
                "deleted once resized (they are kept only with --keep-originals). Prepare into another --root to start from the archives.");
        reencode.Begin(mine, wanted, options.Resize.ShortSide);
        foreach (var archive in mine.ProcessedArchives())
            mine.ReopenArchive(archive, forgetExtraction: false);
        return changes;
    }
}
