namespace KineticsPrep.Dataset;

/// <summary>The archive names every stage recognises: the CVDF's .tar.gz and .tgz, and plain .tar.</summary>
public static class ArchiveFiles
{
    private static readonly string[] Suffixes = [".tar.gz", ".tgz", ".tar"];

    public static bool IsArchive(string path) => Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
