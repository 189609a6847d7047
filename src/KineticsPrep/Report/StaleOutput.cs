namespace KineticsPrep.Report;

/// <summary>An output of a root made from what has changed since: what it is, why it is stale, and the command that makes it again.</summary>
public sealed record StaleOutput(string Output, string Reason, string Remedy);
