namespace KineticsPrep.Cli.App;

/// <summary>0: everything succeeded. 1: some items failed (they are listed). 2: usage error or fatal error.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeItemsFailed = 1;
    public const int UsageOrFatal = 2;

    /// <summary>The rule for a command that worked through items: 0 when none failed, else 1.</summary>
    public static int For(int failures) => failures == 0 ? Success : SomeItemsFailed;
}
