using System.CommandLine;
using KineticsPrep.Dataset;

namespace KineticsPrep.Cli.Options;

/// <summary>
/// The dataset root of a command that takes no other positional argument: given as ROOT or as --root ROOT, the same
/// way for every such command. One of the two is required; both are allowed when they name the same folder.
/// </summary>
internal sealed class RootInput
{
    /// <param name="writesLists">The command writes lists under the root: a path they could not hold is a usage error.</param>
    public RootInput(string description, bool writesLists = false)
    {
        var text = description.TrimEnd('.');
        // Checked as it is parsed: a positional argument's validators do not run where an option's do.
        DatasetRoot Parse(System.CommandLine.Parsing.ArgumentResult result)
        {
            var root = SharedOptions.ParseRoot(result);
            if (SharedOptions.RootProblem(root, mustExist: true, writesLists) is { } problem)
                result.AddError(problem);
            return root;
        }
        Option = new Option<DatasetRoot?>("--root") { Description = $"{text} (or give it as ROOT).", CustomParser = Parse };
        Argument = new Argument<DatasetRoot?>("ROOT") { Description = $"{text}.", Arity = ArgumentArity.ZeroOrOne, CustomParser = Parse };
    }

    public Option<DatasetRoot?> Option { get; }

    public Argument<DatasetRoot?> Argument { get; }

    /// <summary>Adds ROOT and --root to <paramref name="command"/> (shown in messages as <paramref name="usage"/>).</summary>
    public void AddTo(Command command, string usage)
    {
        command.Arguments.Add(Argument);
        command.Options.Add(Option);
        command.Validators.Add(result =>
        {
            // By their text: a value that failed its own check (no such folder) has its error already.
            var positional = result.GetResult(Argument)?.Tokens is [var argumentToken, ..] ? argumentToken.Value : null;
            var named = result.GetResult(Option)?.Tokens is [var optionToken, ..] ? optionToken.Value : null;
            if (positional is null && named is null)
                result.AddError($"give the dataset root: {usage} ROOT, or {usage} --root ROOT.");
            else if (positional is not null && named is not null && Folder(positional) != Folder(named))
                result.AddError($"two roots given ({Folder(positional)} as ROOT, {Folder(named)} as --root): give one.");
        });
    }

    /// <summary>The root given (the command's validation makes sure there is one).</summary>
    public DatasetRoot Get(ParseResult parse) =>
        parse.GetValue(Option) ?? parse.GetValue(Argument) ?? throw new InvalidOperationException("no root given: AddTo's validation was skipped");

    private static string Folder(string path) => Path.TrimEndingDirectorySeparator(new DatasetRoot(path).Path);
}
