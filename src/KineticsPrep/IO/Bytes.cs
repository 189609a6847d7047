using System.Globalization;
using System.Text.RegularExpressions;

namespace KineticsPrep.IO;

public static partial class Bytes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>1536 → "1.5 KiB".</summary>
    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {Units[unit]}");
    }

    /// <summary>"1GiB", "1G" and "1073741824" are 2^30 bytes; "1GB" is 10^9. Null when the text is no size.</summary>
    public static long? Parse(string text)
    {
        if (Size().Match(text.Trim()) is not { Success: true } match)
            return null;
        var prefix = match.Groups[2].Value.ToUpperInvariant();
        var power = prefix.Length == 0 ? 0 : "KMGT".IndexOf(prefix, StringComparison.Ordinal) + 1;
        var decimalUnit = power > 0 && match.Groups[3].Value.Equals("B", StringComparison.OrdinalIgnoreCase);
        var bytes = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * Math.Pow(decimalUnit ? 1000 : 1024, power);
        return bytes is >= 1 and < long.MaxValue ? (long)bytes : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([KMGT]?)(i?B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
