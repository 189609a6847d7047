namespace KineticsPrep.Verify;

public sealed record VerifyProgress(int Clips, int Checked, int Bad);
