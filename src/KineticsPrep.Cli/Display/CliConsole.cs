using KineticsPrep.Cli.App;
using Spectre.Console;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// Where a command writes: System.CommandLine's output and error writers of this invocation (the console when run as a
/// program, strings when a test runs it in-process), and a live progress bar only when the output is a terminal
/// (<see cref="TerminalWriter"/>).
/// </summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>What the progress display measures elapsed time with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The process's standard output: a <see cref="TerminalWriter"/> on a terminal that shows a live bar (not a
    /// pipe, a log file or CI), else the plain writer.</summary>
    public static TextWriter StandardOutput() =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && Environment.GetEnvironmentVariable("CI") is null
            ? new TerminalWriter(AnsiConsole.Console)
            : Console.Out;

    /// <summary>The terminal to draw a live bar on; null off a terminal.</summary>
    public IAnsiConsole? Terminal => (Out as TerminalWriter)?.Terminal;

    /// <summary>Prints a fatal error and returns the exit code for it.</summary>
    public int Fatal(string message)
    {
        Error.WriteLine($"kinetics-prep: {message}");
        return ExitCodes.UsageOrFatal;
    }
}
