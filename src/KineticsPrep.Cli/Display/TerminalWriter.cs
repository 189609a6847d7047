using System.Text;
using Spectre.Console;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// The output writer of a run on a terminal: text goes through Spectre's console, so lines printed while a live bar
/// is shown land above the bar instead of through it. Commands find the console here (<see cref="CliConsole.Terminal"/>);
/// tests pass a TestConsole.
/// </summary>
internal sealed class TerminalWriter(IAnsiConsole terminal) : TextWriter
{
    public IAnsiConsole Terminal { get; } = terminal;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
            Terminal.Write(new Text(value));
    }

    public override void WriteLine(string? value) => Write(value + NewLine);
}
