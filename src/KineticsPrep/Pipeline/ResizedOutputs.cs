using KineticsPrep.Dataset;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Whether a resized clip is still the file a run made: present, and of the size and modification time recorded
/// when it was renamed into place. A clip deleted, truncated or replaced by hand since is made again. Only each
/// clip's size and time are held, for the first store (of <paramref name="stores"/>) that records it.
/// </summary>
internal sealed class ResizedOutputs(DatasetRoot root, IEnumerable<StateStore> stores)
{
    private readonly Dictionary<string, (long? Bytes, long? ModifiedTicks)> _records = Load(stores);

    private static Dictionary<string, (long? Bytes, long? ModifiedTicks)> Load(IEnumerable<StateStore> stores)
    {
        var records = new Dictionary<string, (long?, long?)>(StringComparer.Ordinal);
        foreach (var (path, bytes, ticks) in stores.SelectMany(s => s.ResizedSizes()))
            records.TryAdd(path, (bytes, ticks));
        return records;
    }

    /// <param name="unrecordedIsWhole">Whether a clip in place that no store records counts as whole; false where its
    /// original is at hand, so that it is made again and recorded (the store then holds every clip of the root).</param>
    public bool IsIntact(string outputPath, bool unrecordedIsWhole = true)
    {
        var file = new FileInfo(outputPath);
        if (!file.Exists)
            return false;
        // A clip recorded before sizes were kept, or renamed into place just before a kill (with its original gone), is
        // whole: it was checked before its rename. Only a recorded size and time can tell that it changed.
        if (!_records.TryGetValue(root.Key(outputPath), out var record))
            return unrecordedIsWhole;
        return record.Bytes is not { } bytes
            || (file.Length == bytes && file.LastWriteTimeUtc.Ticks == record.ModifiedTicks);
    }
}
