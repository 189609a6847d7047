using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace KineticsPrep.Tests;

/// <summary>
/// Output checked whole against a checked-in <c>Snapshots/NAME.verified.txt</c>, after the parts that change from run
/// to run (the root's path, times, rates, ports) are replaced by fixed words. On a difference the test fails and
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
        actual = Variable().Replace(actual.ReplaceLineEndings("\n"), m => Placeholder(m));
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
