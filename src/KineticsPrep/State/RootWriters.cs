namespace KineticsPrep.State;

/// <summary>For readers (status): whether a writer is at work on a root, without taking or touching its locks.</summary>
public static class RootWriters
{
    /// <summary>A writer's owner file names a live holder; a run killed with -9 leaves a stale one.</summary>
    public static bool IsRunning(Dataset.DatasetRoot root) => WriterLock.IsRunning(root);
}
