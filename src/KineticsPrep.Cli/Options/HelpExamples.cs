using System.CommandLine;

namespace KineticsPrep.Cli.Options;

/// <summary>A command's --help ends its description with a few examples to copy.</summary>
internal static class HelpExamples
{
    public static Command WithExamples(this Command command, params string[] examples)
    {
        command.Description += Environment.NewLine + Environment.NewLine + "Examples:" +
                               string.Concat(examples.Select(example => Environment.NewLine + "  kinetics-prep " + example));
        return command;
    }
}
