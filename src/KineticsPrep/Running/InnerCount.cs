namespace KineticsPrep.Running;

/// <summary>Units inside a stage's items, counted as they finish: prepare's clips, inside its archives.</summary>
/// <param name="Unit">What they are, in the plural, with what was done to them: "clips resized".</param>
public sealed record InnerCount(string Unit, int Done, int Failed)
{
    public int Finished => Done + Failed;
}
