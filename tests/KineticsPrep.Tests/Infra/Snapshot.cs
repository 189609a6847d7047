using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace KineticsPrep.Tests;

/// <summary>
/// Output checked whole against a checked-in <c>Snapshots/NAME.verified.txt</c>, after the parts that change from run
/// to run (the root's path, times, rates, ports) are replaced by fixed words, and a progress display's periodic lines
/// are left out (how many a run prints depends on how long it took; its closing line stays). On a difference the test fails and
/// writes <c>NAME.received.txt</c> beside it; a person looks at the change and, if it is right, renames the file over
/// the verified one (or runs the tests with <c>UPDATE_SNAPSHOTS=1</c>).
/// </summary>
public static partial class Snapshot
{
    /// <param name="withoutRates">Leave rates out altogether, and the spaces that align a table with them: a table
    /// shows a rate only once two items finished at different times, which a fast run may not see.</param>
    public static void Match(string name, string actual, (string Text, string Replacement)[] scrub, bool withoutRates = false)
    {
        foreach (var (text, replacement) in scrub)
            actual = actual.Replace(text, replacement, StringComparison.Ordinal);
        actual = Variable().Replace(WithoutPeriodicLines(actual.ReplaceLineEndings("\n")), m => Placeholder(m));
        if (withoutRates)
            actual = Spaces().Replace(actual.Replace("RATE/s", "", StringComparison.Ordinal), " ");
        var verified = Path.Combine(Folder(), name + ".verified.txt");
        var received = Path.Combine(Folder(), name + ".received.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
            File.WriteAllText(verified, actual);
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{name} differs from its snapshot: compare {received} with {verified}.");
    }

    /// <summary>Every progress line but the last of its display ("prepare: 4/6 archives, …, ETA …"), and the lines
    /// a display prints before its first count ("verify: finding the clips to do …").</summary>
    private static string WithoutPeriodicLines(string text)
    {
        var kept = new List<string>();
        var closed = new HashSet<string>();
        // From the end: the first progress line met of each display is its closing one.
        foreach (var line in text.Split('\n').Reverse())
        {
            if (StartingLine().IsMatch(line) || ProgressLine().Match(line) is { Success: true } progress && !closed.Add(progress.Groups["title"].Value))
                continue;
            kept.Add(line);
        }
        kept.Reverse();
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^(?<title>[a-z][a-z0-9 ]*): \d+/\d+ .*ETA ")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^[a-z][a-z0-9 ]*: finding the [a-z]+ to do …$")]
    private static partial Regex StartingLine();

    private static string Placeholder(Match m) =>
        m.Groups["time"].Success ? "TIMESTAMP"
        : m.Groups["clock"].Success ? "hh:mm:ss"
        : m.Groups["rate"].Success ? "RATE/s"
        : m.Groups["port"].Success ? "127.0.0.1:PORT"
        : "N free";

    // ISO times, hh:mm:ss clocks, "<n> <unit>/s" rates, loopback ports, and the free space of the machine's disk.
    [GeneratedRegex(@"(?<time>\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?Z?)|(?<clock>\b\d\d:\d\d:\d\d\b)|(?<rate>[\d.]+ (B|KiB|MiB|GiB|MB|clips|files|archives)/s)|(?<port>127\.0\.0\.1:\d+)|(?<free>[\d.]+ (B|KiB|MiB|GiB|TiB) free)")]
    private static partial Regex Variable();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    private static string Folder([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Snapshots");
}
