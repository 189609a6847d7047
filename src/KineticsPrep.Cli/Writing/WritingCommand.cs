using System.CommandLine;
using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;
using KineticsPrep.Dataset;
using KineticsPrep.Errors;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Writing;

/// <summary>
/// The one shape of a command that writes to a root, and the only place in the CLI that takes the writer's lock or
/// opens a state store for writing:
/// <list type="number">
/// <item>parse and validate everything, with no side effect (no folder, no store, no network): a refusal
/// (<see cref="RefusedException"/>) leaves the root byte-identical;</item>
/// <item>make the root when the command may, take the writer's lock, and open the store;</item>
/// <item>run, each stage under the one progress display (<see cref="RootSession.ShowAsync"/>);</item>
/// <item>the run reports its failures, and the exit code follows from their number (<see cref="ExitCodes.For"/>).</item>
/// </list>
/// </summary>
internal static class WritingCommand
{
    /// <param name="validate">Step 1: the plan, or a <see cref="RefusedException"/>; may read, never write.</param>
    public static Command Writes(this Command command, CliServices services, Func<ParseResult, CliConsole, CancellationToken, Task<WritePlan>> validate)
    {
        command.SetAction((parse, cancellationToken) => RunAsync(parse, services.Console(parse), validate, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CliConsole console, Func<ParseResult, CliConsole, CancellationToken, Task<WritePlan>> validate, CancellationToken cancellationToken)
    {
        var plan = await validate(parse, console, cancellationToken);
        if (plan.Root is not { } root)
            return ExitCodes.For(await plan.RunAsync(new RootSession(null, null, console), cancellationToken));
        if (!plan.MayCreate && !root.Exists)
            throw new RefusedException($"Root folder not found: {root.Path}");

        var created = !root.Exists;
        root.Create();
        try
        {
            using var writer = WriterLock.ForRoot(root, plan.StoreName);
            var store = plan.KeepsState ? StateStore.Open(root, plan.StoreName) : null;
            if (store is { LostCommits: > 0 } lost)
                console.Error.WriteLine($"Note: {lost.Path} lost its last {lost.LostCommits} recorded steps (its -wal file went missing after an " +
                                        "unclean stop); what they recorded is done again.");
            return ExitCodes.For(await plan.RunAsync(new RootSession(root, store, console), cancellationToken));
        }
        catch (KineticsPrepException e) when (e.IsFatal && created)
        {
            RemoveIfEmpty(root);
            throw;
        }
    }

    /// <summary>
    /// A root this command made, for a run that stopped before it wrote anything but its own state (a wrong mirror, an
    /// empty list): removed, so that the mistake leaves nothing behind.
    /// </summary>
    private static void RemoveIfEmpty(DatasetRoot root)
    {
        var state = root.StateFolder + Path.DirectorySeparatorChar;
        if (Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories).All(f => f.StartsWith(state, StringComparison.Ordinal)))
            Directory.Delete(root.Path, recursive: true);
    }
}
