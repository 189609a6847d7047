using KineticsPrep.IO;

namespace KineticsPrep.State;

/// <summary>
/// The clips prepare makes, recorded in its store in batches: one transaction for every <see cref="MaxClips"/> clips,
/// or for fewer when a clip comes once the oldest waiting one is <see cref="MaxWait"/> old, and always before anything that stands on them
/// (an archive recorded processed, its originals deleted). A batch's files are flushed to disk just before it is
/// recorded. A kill loses at most the open batch: those clips' originals are still there, so the next run makes them
/// again.
/// </summary>
public sealed class ResizedBatch(StateStore store)
{
    public const int MaxClips = 256;

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<ResizedClip> _waiting = [];
    private readonly List<string> _files = [];
    private DateTime _oldest;

    /// <param name="file">The clip's file, flushed to disk with the rest of the batch before the batch is recorded.</param>
    public void Add(ResizedClip clip, string file)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
                _oldest = DateTime.UtcNow;
            _waiting.Add(clip);
            _files.Add(file);
            if (_waiting.Count >= MaxClips || DateTime.UtcNow - _oldest >= MaxWait)
                FlushWaiting();
        }
    }

    /// <summary>Records every clip waiting, in one transaction.</summary>
    public void Flush()
    {
        lock (_lock)
            FlushWaiting();
    }

    private void FlushWaiting()
    {
        if (_waiting.Count == 0)
            return;
        DiskSync.Files(_files.Where(File.Exists));
        store.RecordResized(_waiting);
        _waiting.Clear();
        _files.Clear();
    }
}
