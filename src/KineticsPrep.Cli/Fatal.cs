namespace KineticsPrep.Cli;

internal static class Fatal
{
    /// <summary>Prints a fatal error and returns the exit code for it.</summary>
    public static int Report(string message)
    {
        Console.Error.WriteLine($"kinetics-prep: {message}");
        return ExitCodes.UsageOrFatal;
    }
}
