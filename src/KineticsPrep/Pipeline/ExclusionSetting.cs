using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// --exclude-overlap-with is part of a root's recipe: recorded by the run that gives it, used by every later run that
/// does not (so a plain rerun keeps the same clips out), and refused when a run asks for other splits.
/// </summary>
public static class ExclusionSetting
{
    public const string Name = "--exclude-overlap-with";

    /// <summary>The splits this run leaves out ("k400:val,k600:val"): those asked for, else those recorded; null for none.</summary>
    /// <exception cref="PrepareRefusedException">The root was prepared leaving out other splits.</exception>
    public static string? Claim(DatasetRoot root, StateStore mine, string? asked)
    {
        var recorded = RunFacts.Recorded(StateStore.AllUnder(root, upgrade: true), Name);
        if (asked is null)
            return recorded;
        var wanted = string.Join(',', SplitOfRelease.ParseList(asked).Splits.Select(s => s.ToString()).Distinct().Order(StringComparer.Ordinal));
        if (recorded is not null && recorded != wanted)
            throw new PrepareRefusedException(
                $"{root.Path} was prepared with {Name} {recorded}, and this run asks for {Name} {wanted}: its clips and lists leave out the first. " +
                $"Run again with {Name} {recorded} (or without it: the root keeps it), or prepare into another --root.");
        mine.RecordSettings(new Dictionary<string, string> { [Name] = wanted });
        return wanted;
    }
}
