namespace KineticsPrep.Dataset;

/// <summary>A row that could not be read: the file, its line and what is wrong.</summary>
public sealed record BadRow(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}
