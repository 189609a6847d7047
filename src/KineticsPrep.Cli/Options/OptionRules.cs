using System.CommandLine;

namespace KineticsPrep.Cli.Options;

/// <summary>Validation for options, as one-liners: a parse error (exit 2) with the given message.</summary>
internal static class OptionRules
{
    public static Option<T> Require<T>(this Option<T> option, Func<T?, bool> valid, string message)
    {
        option.Validators.Add(result =>
        {
            T? value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // Not a value of the option's type at all ("abc" for a number): the parser says so (see ParseErrors).
                return;
            }
            if (!valid(value))
                result.AddError(message);
        });
        return option;
    }

    /// <summary>One of <paramref name="values"/> when given (an option without a default may be left out).</summary>
    public static Option<T> OneOf<T>(this Option<T> option, IReadOnlyCollection<string> values) where T : class? =>
        option.Require(value => value is null || values.Contains(value as string ?? ""), $"{option.Name} must be one of: {string.Join(", ", values)}.");
}
