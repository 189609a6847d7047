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
