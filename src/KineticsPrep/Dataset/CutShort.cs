using System.Globalization;

namespace KineticsPrep.Dataset;

/// <summary>
/// An annotation CSV with clearly fewer rows than the release's published count (a cache or download cut short): named
/// with both numbers. A file with only a sliver of them (a subset, a synthetic mirror) is taken as meant.
/// </summary>
public static class CutShort
{
    private const double Margin = 0.01;

    public static string? Check(string file, int rows, int? official) =>
        official is { } expected && rows < expected * (1 - Margin) && rows >= expected * Margin
            ? string.Create(CultureInfo.InvariantCulture,
                $"{file} has {rows:N0} rows and the release's has {expected:N0}: it may have been cut short (delete it and run again to fetch it anew)")
            : null;
}
