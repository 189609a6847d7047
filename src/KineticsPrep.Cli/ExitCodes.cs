namespace KineticsPrep.Cli;

/// <summary>0: everything succeeded. 1: some items failed (they are listed). 2: usage error or fatal error.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeItemsFailed = 1;
    public const int UsageOrFatal = 2;
}
