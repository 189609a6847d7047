namespace KineticsPrep.Extract;

public enum ExtractStatus
{
    Extracted,
    AlreadyDone,
    Failed,
}
