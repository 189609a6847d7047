using CliWrap;
using CliWrap.Buffered;

namespace KineticsPrep.Tests;

/// <summary>Runs a system command the tests need (mount, tar, sha256sum) and fails loudly when it fails.</summary>
public static class SystemCommand
{
    /// <returns>What the command wrote to its standard output.</returns>
    public static string Run(params string[] command)
    {
        var result = CliWrap.Cli.Wrap(command[0]).WithArguments(command[1..]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed (the tests run as root): {result.StandardError}");
        return result.StandardOutput;
    }
}
