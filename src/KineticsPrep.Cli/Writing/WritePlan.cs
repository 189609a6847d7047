using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Cli.Writing;

/// <summary>
/// What a writing command will do, once every option is checked and before anything is written: the root it writes
/// (null for one that writes none, such as <c>verify</c> of clips given by path), and the run, which prints its own
/// summary and failures and returns how many items failed.
/// </summary>
internal sealed record WritePlan(DatasetRoot? Root, Func<RootSession, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>The name of the lock and the store: a prepare shard's own, else the root's.</summary>
    public string StoreName { get; init; } = StateStore.DefaultName;

    /// <summary>The command may make the root (download, prepare, resize's destination); else it must exist.</summary>
    public bool MayCreate { get; init; }

    /// <summary>The command keeps records in the root's state store; annotate writing lists to a folder of its own does not.</summary>
    public bool KeepsState { get; init; } = true;
}
