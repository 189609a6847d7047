namespace KineticsPrep.Report;

/// <summary>One thing that made the copy: "short side" → "320".</summary>
public sealed record ReportSetting(string Name, string Value);
