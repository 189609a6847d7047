using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using KineticsPrep.Errors;

namespace KineticsPrep.Cli.App;

/// <summary>System.CommandLine's parse errors, in the words of the rest of the program.</summary>
internal static partial class ParseErrors
{
    /// <summary>
    /// "Cannot parse argument 'x' for option '--fps' as expected type 'System.Nullable`1[System.Double]'." becomes
    /// "--fps takes a number, not 'x'."; a mistyped command or option gets "Did you mean 'prepare'?"; other messages
    /// stay as they are.
    /// </summary>
    public static string Plain(ParseError error)
    {
        if (CannotParse().Match(error.Message) is { Success: true } m)
            return $"{m.Groups["option"].Value} takes {Kind(m.Groups["type"].Value)}, not '{m.Groups["value"].Value}'.";
        if (Unrecognized().Match(error.Message) is { Success: true } u && error.SymbolResult is CommandResult { Command: var command }
            && Closest(u.Groups["token"].Value, command) is { } suggestion)
            return $"{error.Message} Did you mean '{suggestion}'?";
        return error.Message;
    }

    public static bool IsSuggestion(string message) => message.EndsWith('?') && message.Contains(" Did you mean '", StringComparison.Ordinal);

    /// <summary>The command's subcommand or option nearest to <paramref name="token"/>: at most 2 edits away.</summary>
    private static string? Closest(string token, Command command) =>
        command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Select(name => (name, distance: EditDistance.Between(token, name)))
            .Where(c => c.distance <= 2 && c.distance < c.name.Length / 2 + 1)
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .Select(c => c.name)
            .FirstOrDefault();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>[^']*)'\.$")]
    private static partial Regex Unrecognized();

    private static string Kind(string type) =>
        type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("Double", StringComparison.Ordinal) ? "a number"
        : "another kind of value";

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex CannotParse();
}
