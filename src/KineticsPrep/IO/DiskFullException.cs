using KineticsPrep.Errors;

namespace KineticsPrep.IO;

/// <summary>
/// A write failed because the file system is full, or the user's quota is used up. The run must stop: going on would
/// only turn every later item into a false failure. Whatever was recorded as done is complete and is kept.
/// </summary>
public sealed class DiskFullException(string folder, long? neededBytes, Exception? inner = null)
    : KineticsPrepException(Describe(folder, neededBytes), isFatal: true, inner)
{
    public string Folder { get; } = folder;

    public long? NeededBytes { get; } = neededBytes;

    private static string Describe(string folder, long? neededBytes)
    {
        var free = DiskSpace.FreeBytes(folder) is { } bytes ? Bytes.Format(bytes) : "no";
        var needed = neededBytes is > 0 ? $"at least {Bytes.Format(neededBytes.Value)} more is needed to go on" : "more is needed to go on";
        return $"the disk is full under {folder}: {free} free, {needed}. Free some space (or use a root on a larger disk) " +
               "and run the same command again: everything finished so far is kept, and nothing incomplete was recorded as done.";
    }
}
