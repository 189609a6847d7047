namespace KineticsPrep.Dataset;

/// <summary>A split's list written with fewer clips than the list it replaced had.</summary>
public sealed record ShrunkList(string Split, int Before, int After)
{
    public override string ToString() =>
        $"the {Split} list had {Before} clips and now has {After} ({Before - After} fewer): the clips, the CSVs or the label map changed since it was written";
}
