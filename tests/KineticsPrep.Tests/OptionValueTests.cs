using System.CommandLine;
using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>Every numeric option of every command, given a word, an empty string and a negative number.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class OptionValueTests
{
    private static readonly Type[] Numbers = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?)];

    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CliApp.Default.Commands.Subcommands.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            foreach (var option in command.Options.Where(o => Numbers.Contains(o.ValueType)))
                data.Add(Path(command), option.Name);
        }
        return data;
    }

    private static string Path(Command command) =>
        CliApp.Default.Commands.Subcommands.FirstOrDefault(parent => parent.Subcommands.Contains(command)) is { } parent ? $"{parent.Name} {command.Name}" : command.Name;

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public async Task A_bad_number_is_one_plain_line_and_exit_2(string command, string option)
    {
        foreach (var value in new[] { "abc", "", "-5" })
        {
            var run = await CliRunner.RunAsync([.. command.Split(' '), option, value]);

            Assert.True(run.ExitCode == 2, $"{command} {option} '{value}': exit {run.ExitCode}: {run.Stderr}");
            Assert.DoesNotContain("   at ", run.Stderr);
            Assert.DoesNotContain("System.", run.Stderr);
        }
    }

    [Fact]
    public void There_are_numeric_options_to_test() => Assert.True(NumericOptions().Count >= 10);

    [Theory]
    [InlineData("prepar", "Unrecognized command or argument 'prepar'. Did you mean 'prepare'?")]
    [InlineData("statuss --root x", "Unrecognized command or argument 'statuss'. Did you mean 'status'?")]
    [InlineData("prepare k400 --rot x", "Unrecognized command or argument '--rot'. Did you mean '--root'?")]
    public async Task A_mistyped_command_or_option_gets_one_line_with_did_you_mean(string arguments, string line)
    {
        var run = await CliRunner.RunAsync(arguments.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"kinetics-prep: {line}", "Run 'kinetics-prep --help' for usage."], run.Stderr.TrimEnd().Split('\n'));
    }

    public static TheoryData<string> EveryCommand() =>
        new(CliApp.Default.Commands.Subcommands.SelectMany(c => c.Subcommands.Count > 0 ? c.Subcommands.Select(sub => $"{c.Name} {sub.Name}") : [c.Name]));

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task Every_commands_help_has_examples_to_copy(string command)
    {
        var help = await CliRunner.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Matches($@"\nExamples:\n(  kinetics-prep {command}[^\n]*\n)+", help.Stdout);
    }
}
