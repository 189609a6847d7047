using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>Every command line shown in README.md and docs/ is one the program accepts: its command and options exist.</summary>
public sealed class DocumentedCommandTests
{
    public static TheoryData<string, string> Documented()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in DocumentedCommands.Files().SelectMany(DocumentedCommands.In).DistinctBy(l => (l.File, l.Arguments)))
            data.Add(line.File, line.Arguments);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void A_documented_command_line_parses(string file, string arguments)
    {
        // A shell variable stands for a number (Slurm's), and the folders and files named are examples, not here.
        var words = DocumentedCommands.Words(arguments).Select(w => w.StartsWith('$') ? "1" : w).ToArray();

        var errors = CliApp.Default.Commands.Parse(words).Errors.Select(e => e.Message)
            .Where(m => !m.Contains("not found", StringComparison.Ordinal) && !m.Contains("no such file", StringComparison.Ordinal)).ToList();

        Assert.True(errors.Count == 0, $"{file}: kinetics-prep {arguments}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_readme_is_short_enough_to_read_in_two_minutes() =>
        Assert.InRange(File.ReadLines(Path.Combine(DocumentedCommands.RepositoryRoot(), "README.md")).Count(), 20, 150);
}
