namespace KineticsPrep.Tests;

/// <summary>How long a test that runs processes or talks to a server may take before it is failed instead of hanging the suite.</summary>
public static class Timeouts
{
    public const int Process = 5 * 60 * 1000;
}
