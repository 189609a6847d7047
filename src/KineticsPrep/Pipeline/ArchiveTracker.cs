using System.Collections.Concurrent;
using KineticsPrep.Resize;
using KineticsPrep.State;

namespace KineticsPrep.Pipeline;

/// <summary>One archive's clips on their way through the resize pool; knows when the last one is done.</summary>
internal sealed class ArchiveTracker(string key, string split, IReadOnlyList<ResizeJob> jobs)
{
    private readonly ConcurrentBag<ClipFailure> _failures = [];
    private int _remaining = jobs.Count;

    public string Key { get; } = key;

    public string Split { get; } = split;

    public IReadOnlyList<ResizeJob> Jobs { get; } = jobs;

    public IReadOnlyList<ClipFailure> Failures => _failures.OrderBy(f => f.Clip, StringComparer.Ordinal).ToList();

    /// <returns>True for the archive's last clip.</returns>
    public bool ClipDone(ClipFailure? failure)
    {
        if (failure is not null)
            _failures.Add(failure);
        return Interlocked.Decrement(ref _remaining) == 0;
    }
}
