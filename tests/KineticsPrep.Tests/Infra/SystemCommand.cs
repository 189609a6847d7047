using System.Diagnostics;
using System.Text;

namespace KineticsPrep.Tests;

/// <summary>
/// Runs a system command the tests need (mount, tar, sha256sum, ffmpeg for a test clip) to its end, synchronously,
/// and fails loudly when it fails.
/// </summary>
public static class SystemCommand
{
    /// <returns>What the command wrote to its standard output.</returns>
    public static string Run(params string[] command)
    {
        var (exitCode, output, error) = Capture(command[0], command[1..]);
        if (exitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed (the tests run as root): {error}");
        return output;
    }

    /// <summary>The command's exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Capture(string executable, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, line) => error.AppendLine(line.Data);
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.ToString());
    }
}
