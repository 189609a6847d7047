using System.Text.RegularExpressions;
using KineticsPrep.Cli.App;

namespace KineticsPrep.Tests;

/// <summary>Every command line shown in README.md and docs/ is one the program accepts: its command and options exist.</summary>
public sealed partial class DocumentedCommandTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KineticsPrep.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("the repository root is above the test binaries");
    }

    [GeneratedRegex("""^\s*(?:\./)?kinetics-prep (?<args>.+)$""")]
    private static partial Regex CommandLine();

    [GeneratedRegex("""'[^']*'|"[^"]*"|\S+""")]
    private static partial Regex Word();

    /// <summary>Each command line in a fenced block, with its file; placeholders (&lt;command&gt;, …) and comments left out.</summary>
    public static TheoryData<string, string> Documented()
    {
        var root = RepositoryRoot();
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Prepend(Path.Combine(root, "README.md")))
        {
            var inBlock = false;
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                    inBlock = !inBlock;
                else if (inBlock && CommandLine().Match(line.Split(" #")[0].TrimEnd()) is { Success: true } match && !match.Value.Contains('<') && !match.Value.Contains('…'))
                {
                    var entry = (Path.GetRelativePath(root, file), match.Groups["args"].Value.TrimEnd('\\', ' '));
                    if (seen.Add(entry))
                        data.Add(entry.Item1, entry.Item2);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void A_documented_command_line_parses(string file, string arguments)
    {
        // A shell variable stands for a number (Slurm's), and the folders and files named are examples, not here.
        var words = Word().Matches(arguments).Select(m => m.Value.Trim('\'', '"')).Select(w => w.StartsWith('$') ? "1" : w).ToArray();

        var errors = CliApp.Default.Commands.Parse(words).Errors.Select(e => e.Message)
            .Where(m => !m.Contains("not found", StringComparison.Ordinal) && !m.Contains("no such file", StringComparison.Ordinal)).ToList();

        Assert.True(errors.Count == 0, $"{file}: kinetics-prep {arguments}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_readme_is_short_enough_to_read_in_two_minutes() =>
        Assert.InRange(File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")).Count(), 20, 150);
}
