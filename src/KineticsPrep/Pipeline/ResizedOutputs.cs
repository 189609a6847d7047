using KineticsPrep.Dataset;
using KineticsPrep.IO;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>
/// Whether a resized clip is still the file a run made: present, and of the size and modification time recorded
/// when it was renamed into place. A clip deleted, truncated or replaced by hand since is made again. Only each
/// clip's size and time are held, for the first store (of <paramref name="stores"/>) that records it, under its
/// <see cref="PathHash"/> (two paths sharing one would at worst let a changed clip of the same size and time pass).
/// </summary>
internal sealed class ResizedOutputs(DatasetRoot root, IEnumerable<StateStore> stores)
{
    private readonly Dictionary<ulong, (long? Bytes, long? ModifiedTicks)> _records = Load(stores);

    private static Dictionary<ulong, (long? Bytes, long? ModifiedTicks)> Load(IEnumerable<StateStore> stores)
    {
        var records = new Dictionary<ulong, (long?, long?)>();
        foreach (var (path, bytes, ticks) in stores.SelectMany(s => s.ResizedSizes(inPathOrder: false)))
            records.TryAdd(PathHash.Of(path), (bytes, ticks));
        return records;
    }

    /// <param name="unrecordedIsWhole">Whether a clip in place that no store records counts as whole; false where its
    /// original is at hand, so that it is made again and recorded (the store then holds every clip of the root).</param>
    public bool IsIntact(string outputPath, bool unrecordedIsWhole = true)
    {
        if (FileStamp.Of(outputPath) is not { } file)
            return false;
        // A clip recorded before sizes were kept, or renamed into place just before a kill (with its original gone), is
        // whole: it was checked before its rename. Only a recorded size and time can tell that it changed.
        if (!_records.TryGetValue(PathHash.Of(root.Key(outputPath)), out var record))
            return unrecordedIsWhole;
        return record.Bytes is not { } bytes
            || (file.Bytes == bytes && file.ModifiedTicks == record.ModifiedTicks);
    }
}
