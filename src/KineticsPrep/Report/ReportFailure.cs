namespace KineticsPrep.Report;

/// <summary>Something that went wrong: the stage, the item and why.</summary>
public sealed record ReportFailure(string Stage, string Item, string Reason);
