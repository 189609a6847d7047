using System.Text.RegularExpressions;
using CliWrap;

namespace KineticsPrep.Media;

/// <summary>Runs ffmpeg or ffprobe with an argument list and keeps the tail of its stderr for error messages.</summary>
internal static partial class ToolProcess
{
    private const int StderrLinesKept = 40;

    public sealed record Output(string Stdout, IReadOnlyList<string> StderrTail, string CommandLine);

    /// <exception cref="MediaToolException">The tool exited with a non-zero code.</exception>
    public static async Task<Output> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        string inputPath,
        Action<string>? onStdoutLine,
        CancellationToken cancellationToken)
    {
        var stdout = new System.Text.StringBuilder();
        var stderrTail = new Queue<string>();
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(onStdoutLine is null
                ? PipeTarget.ToStringBuilder(stdout)
                : PipeTarget.ToDelegate(onStdoutLine))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                lock (stderrTail)
                {
                    stderrTail.Enqueue(line);
                    if (stderrTail.Count > StderrLinesKept)
                        stderrTail.Dequeue();
                }
            }));

        var result = await command.ExecuteAsync(cancellationToken);
        if (result.ExitCode != 0)
            throw new MediaToolException(
                Reason(stderrTail, inputPath, $"exited with code {result.ExitCode}"), command.ToString(),
                MediaToolException.IsTransientExit(result.ExitCode, stderrTail));
        return new Output(stdout.ToString(), stderrTail.ToList(), command.ToString());
    }

    /// <summary>
    /// The last few distinct messages of stderr, without the "[demuxer @ 0x...]" and "input path: " prefixes,
    /// joined into one line.
    /// </summary>
    public static string Reason(IEnumerable<string> stderrLines, string inputPath, string fallback)
    {
        var messages = stderrLines
            .Select(line => ContextPrefix().Replace(line.Trim(), ""))
            .Select(line => line.StartsWith(inputPath + ": ", StringComparison.Ordinal) ? line[(inputPath.Length + 2)..] : line)
            .Select(line => HexNumber().Replace(line, "0x…"))
            .Where(message => message.Length > 0)
            .Distinct()
            .TakeLast(3)
            .ToList();
        var reason = messages.Count == 0 ? fallback : string.Join("; ", messages);
        return reason.Length <= 300 ? reason : reason[..297] + "...";
    }

    // "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0c8a3b2c0] "
    [GeneratedRegex(@"^\[[^\]]+ @ 0x[0-9a-f]+\]\s*")]
    private static partial Regex ContextPrefix();

    // Offsets and addresses differ from line to line; without them, repeated messages collapse into one.
    [GeneratedRegex(@"0x[0-9a-fA-F]+")]
    private static partial Regex HexNumber();
}
