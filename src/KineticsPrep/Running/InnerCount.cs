namespace KineticsPrep.Running;

/// <summary>Units inside a stage's items, counted as they finish: prepare's clips, inside its archives.</summary>
/// <param name="Unit">What they are, in the plural, with what was done to them: "clips resized".</param>
public sealed record InnerCount(string Unit, int Done, int Failed)
{
    /// <summary>How many this run should finish, when it can tell (prepare: from the annotation rows); null when not.</summary>
    public int? Expected { get; init; }

    public int Finished => Done + Failed;
}
