using KineticsPrep.Cli.Display;
using KineticsPrep.Dataset;
using KineticsPrep.Running;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Writing;

/// <summary>A writing command's run: the root it holds the writer's lock of, its open state store, and its console.</summary>
internal sealed class RootSession(DatasetRoot? root, StateStore? store, CliConsole console)
{
    public CliConsole Console { get; } = console;

    /// <summary>The root written; the plan named one.</summary>
    public DatasetRoot Root => root ?? throw new InvalidOperationException("this command writes no root");

    /// <summary>The root's state store, opened after the lock was taken; the plan keeps state.</summary>
    public StateStore Store => store ?? throw new InvalidOperationException("this command keeps no state");

    /// <summary>The same store, seen from one release of a root that holds several (Kinetics-710).</summary>
    public StateStore StoreOf(string release) => StateStore.Open(Root.ForRelease(release), Path.GetFileNameWithoutExtension(Store.Path));

    /// <summary>The store when there is one: a command that can also run without a root.</summary>
    public StateStore? OptionalStore => store;

    /// <summary>One stage of the work, under the one progress display; Ctrl+C ends it with <paramref name="cancelled"/>.</summary>
    public Task<TResult> ShowAsync<TResult>(string title, string unit, Func<IProgress<StageProgress>, Task<TResult>> work, string cancelled) =>
        StageDisplay.RunAsync(Console, title, unit, work, cancelled);
}
