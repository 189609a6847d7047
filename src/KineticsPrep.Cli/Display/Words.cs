namespace KineticsPrep.Cli.Display;

/// <summary>Counts in words: "1 file", "2 files".</summary>
internal static class Words
{
    /// <param name="plural">When it is not <paramref name="singular"/> + "s" ("classes").</param>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
