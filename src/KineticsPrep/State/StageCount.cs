using KineticsPrep.Running;

namespace KineticsPrep.State;

/// <summary>
/// One stage of one split: archives planned and done (failed clips for resize), an amount (bytes downloaded, clips
/// extracted or resized) and when the first and last archive finished, for rates and ETAs.
/// </summary>
public sealed record StageCount(string Stage, string Split, int Planned, int Done, int Failed, long Amount, DateTime? First, DateTime? Last)
{
    /// <summary>The same stage and split counted over several state stores (a sharded run's).</summary>
    public static IReadOnlyList<StageCount> Merge(IEnumerable<StageCount> counts) =>
        counts.GroupBy(c => (c.Stage, c.Split))
            .Select(g => new StageCount(g.Key.Stage, g.Key.Split, g.Sum(c => c.Planned), g.Sum(c => c.Done), g.Sum(c => c.Failed),
                g.Sum(c => c.Amount), g.Min(c => c.First), g.Max(c => c.Last)))
            .ToList();

    // The first archive's own time is not seen (only when it finished), so rates run from the first to the last
    // finished archive over the archives after the first.
    private TimeSpan? Span => First is { } first && Last is { } last && last > first && Done > 1 ? last - first : null;

    /// <summary>Bytes or clips per second; null until two archives are done.</summary>
    public double? PerSecond => Span is { } span ? Throughput.PerSecond(Amount * (Done - 1.0) / Done, span) : null;

    /// <summary>Zero when done; null until two archives are done.</summary>
    public TimeSpan? TimeLeft => Done == Planned ? TimeSpan.Zero : Span is { } span ? Throughput.TimeLeft(Done - 1, Planned - Done, span) : null;
}
