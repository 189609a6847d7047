namespace KineticsPrep.Dataset;

/// <summary>The archive names every stage recognises: the CVDF's .tar.gz and .tgz, and plain .tar.</summary>
public static class ArchiveFiles
{
    private static readonly string[] Suffixes = [".tar.gz", ".tgz", ".tar"];

    public static bool IsArchive(string path) => Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>An archive's name without its suffix: "pull ups" for "pull ups.tar.gz" (a K600 class).</summary>
    public static string Stem(string fileName) =>
        Suffixes.Where(suffix => fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)).Select(suffix => fileName[..^suffix.Length]).FirstOrDefault() ?? fileName;
}
