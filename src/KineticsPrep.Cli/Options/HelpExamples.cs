using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace KineticsPrep.Cli.Options;

/// <summary>
/// A command's own --help ends with a few examples to copy; the list of commands above it shows one line each. All
/// help is wrapped at 80 columns, whatever the terminal.
/// </summary>
internal static class HelpExamples
{
    public const int Width = 80;

    private static readonly ConditionalWeakTable<Command, string[]> Examples = new();

    public static Command WithExamples(this Command command, params string[] examples)
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the root's --help (which every command inherits) wrap at <see cref="Width"/> and end with the command's examples.</summary>
    public static RootCommand Installed(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        var help = (HelpAction)option.Action!;
        help.MaxWidth = Width;
        option.Action = new WithExamplesAction(help);
        return root;
    }

    private sealed class WithExamplesAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            if (!Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
                return exit;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
                output.WriteLine("  kinetics-prep " + example);
            output.WriteLine();
            return exit;
        }
    }
}
