using System.CommandLine;
using KineticsPrep.Cli;

namespace KineticsPrep.Tests;

/// <summary>Every numeric option of every command, given a word, an empty string and a negative number.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class OptionValueTests
{
    private static readonly Type[] Numbers = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?)];

    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CliApp.Commands.Subcommands.SelectMany(c => c.Subcommands.Prepend(c)))
        {
            foreach (var option in command.Options.Where(o => Numbers.Contains(o.ValueType)))
                data.Add(Path(command), option.Name);
        }
        return data;
    }

    private static string Path(Command command) =>
        CliApp.Commands.Subcommands.FirstOrDefault(parent => parent.Subcommands.Contains(command)) is { } parent ? $"{parent.Name} {command.Name}" : command.Name;

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
}
