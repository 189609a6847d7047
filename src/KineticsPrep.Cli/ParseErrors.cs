using System.Text.RegularExpressions;

namespace KineticsPrep.Cli;

/// <summary>System.CommandLine's parse errors, in the words of the rest of the program.</summary>
internal static partial class ParseErrors
{
    /// <summary>
    /// "Cannot parse argument 'x' for option '--fps' as expected type 'System.Nullable`1[System.Double]'." becomes
    /// "--fps takes a number, not 'x'."; other messages stay as they are.
    /// </summary>
    public static string Plain(string message) =>
        CannotParse().Match(message) is { Success: true } m
            ? $"{m.Groups["option"].Value} takes {Kind(m.Groups["type"].Value)}, not '{m.Groups["value"].Value}'."
            : message;

    private static string Kind(string type) =>
        type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("Double", StringComparison.Ordinal) ? "a number"
        : "another kind of value";

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex CannotParse();
}
