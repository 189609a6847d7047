using System.Diagnostics;
using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>
/// Runs kinetics-prep in-process, with its output and errors captured (<see cref="RunAsync(string[])"/>), or starts the
/// real executable, built next to the tests, as a child process for what only a process can show: kill -9, signals,
/// another environment.
/// </summary>
public static class CliRunner
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "kinetics-prep");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exitCode = await CliApp.RunAsync(arguments, TextWriter.Synchronized(output), TextWriter.Synchronized(error), timeout.Token);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        return await WaitAsync(process);
    }

    /// <summary>Polls <paramref name="condition"/> while the process runs, for up to a minute.</summary>
    /// <returns>False when the process ended first, or the minute passed.</returns>
    public static Task<bool> WaitUntilAsync(Func<bool> condition, Process process) =>
        Wait.UntilAsync(condition, TimeSpan.FromMinutes(1), () => process.HasExited);

    public static async Task<Result> WaitAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
