using System.CommandLine;
using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>Help that fits a screen: the program's within 40 lines, each command's within 60, none over 80 columns.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var paths = new TheoryData<string> { "" };
        void Walk(Command command, string path)
        {
            foreach (var sub in command.Subcommands)
            {
                var name = (path + " " + sub.Name).Trim();
                paths.Add(name);
                Walk(sub, name);
            }
        }
        Walk(CliApp.Default.Commands, "");
        return paths;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Each_help_fits_80_columns_and_its_screen(string command)
    {
        var run = await CliRunner.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd().Split('\n');
        Assert.InRange(lines.Length, 5, command.Length == 0 ? 40 : 60);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task The_list_of_commands_shows_one_line_each_and_no_examples()
    {
        var top = await CliRunner.RunAsync("--help");

        Assert.DoesNotContain("Examples:", top.Stdout);
        Assert.Contains("\n  prepare <DATASET>  ", top.Stdout);
    }
}
