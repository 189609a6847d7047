using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Whether a resized clip is still the file a run made: present, and of the size and modification time recorded
/// when it was renamed into place. A clip deleted, truncated or replaced by hand since is made again.
/// </summary>
internal sealed class ResizedOutputs(DatasetRoot root, IReadOnlyList<ResizedClip> records)
{
    private readonly Dictionary<string, ResizedClip> _records = records.ToDictionary(r => r.Path, StringComparer.Ordinal);

    public bool IsIntact(string outputPath)
    {
        var file = new FileInfo(outputPath);
        if (!file.Exists)
            return false;
        // A clip recorded before sizes were kept, or renamed into place just before a kill, is whole (it was checked
        // before its rename); only a recorded size and time can tell that it changed.
        return !_records.TryGetValue(root.Key(outputPath), out var record) || record.Bytes is not { } bytes
            || (file.Length == bytes && file.LastWriteTimeUtc.Ticks == record.ModifiedTicks);
    }
}
