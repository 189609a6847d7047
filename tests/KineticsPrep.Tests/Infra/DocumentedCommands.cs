using System.Text.RegularExpressions;

namespace KineticsPrep.Tests;

/// <summary>
/// The kinetics-prep command lines that README.md and docs/*.md show in their fenced blocks, in the order a reader
/// meets them; placeholders (&lt;command&gt;, …) and trailing comments left out.
/// </summary>
public static partial class DocumentedCommands
{
    /// <summary>One command line of a document, and the Slurm array its block runs as, if the block is an sbatch script.</summary>
    public sealed record Line(string File, string Arguments, SlurmArray? Array);

    public sealed record SlurmArray(int First, int Last);

    [GeneratedRegex("""^\s*(?:\./)?kinetics-prep (?<args>.+)$""")]
    private static partial Regex CommandLine();

    [GeneratedRegex("""^#SBATCH --array=(?<first>\d+)-(?<last>\d+)""")]
    private static partial Regex ArrayLine();

    [GeneratedRegex("""'[^']*'|"[^"]*"|\S+""")]
    private static partial Regex Word();

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KineticsPrep.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("the repository root is above the test binaries");
    }

    /// <summary>README.md, then every file of docs/, by their paths relative to the repository.</summary>
    public static IReadOnlyList<string> Files()
    {
        var root = RepositoryRoot();
        return Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(root, "README.md")).Select(f => Path.GetRelativePath(root, f)).ToList();
    }

    public static IEnumerable<Line> In(string file)
    {
        var inBlock = false;
        SlurmArray? array = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), file)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                array = null;
            }
            else if (inBlock && ArrayLine().Match(line) is { Success: true } arrayLine)
            {
                array = new SlurmArray(int.Parse(arrayLine.Groups["first"].Value), int.Parse(arrayLine.Groups["last"].Value));
            }
            else if (inBlock && CommandLine().Match(line.Split(" #")[0].TrimEnd()) is { Success: true } match
                     && !match.Value.Contains('<') && !match.Value.Contains('…'))
            {
                yield return new Line(file, match.Groups["args"].Value.TrimEnd('\\', ' '), array);
            }
        }
    }

    /// <summary>The words of a command line as a shell splits them, quotes removed.</summary>
    public static string[] Words(string arguments) =>
        Word().Matches(arguments).Select(m => m.Value.Trim('\'', '"')).ToArray();
}
