using System.CommandLine;
using Spectre.Console;

namespace KineticsPrep.Cli;

/// <summary>
/// Where a command writes: System.CommandLine's output and error writers of this invocation (the console when run as a
/// program, strings when a test runs it in-process), and a live progress bar only when the output is a terminal.
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole Of(ParseResult parse) => new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);

    /// <summary>A terminal that shows a live bar: not a pipe, a log file, CI or a test's writer.</summary>
    public bool Interactive =>
        Out == Console.Out
        && !Console.IsOutputRedirected
        && AnsiConsole.Profile.Capabilities.Interactive
        && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Spectre's console, writing to <see cref="Out"/>.</summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>Prints a fatal error and returns the exit code for it.</summary>
    public int Fatal(string message)
    {
        Error.WriteLine($"kinetics-prep: {message}");
        return ExitCodes.UsageOrFatal;
    }
}
