namespace KineticsPrep.Running;

/// <summary>
/// Where a run of one stage stands: the <see cref="Items"/> this run works on (besides <see cref="AlreadyDone"/>
/// ones), how many are done or failed, and an amount (bytes) for rates and the time left. Every stage reports this,
/// and so does prepare (archives, with the clips inside them as <see cref="Inner"/>): the one progress record.
/// </summary>
/// <param name="Unit">What an item is, in the plural: "files", "archives", "clips", "shards".</param>
/// <param name="Amount">The amount of all items when known up front (bytes), else 0.</param>
public sealed record StageProgress(string Unit, int Items, int AlreadyDone, int Done, int Failed, long Amount, long AmountDone)
{
    public static StageProgress None(string unit) => new(unit, 0, 0, 0, 0, 0, 0);

    /// <summary>The item most recently started, when the stage names its items.</summary>
    public string? Current { get; init; }

    /// <summary>An item waiting to be tried again, while it waits.</summary>
    public RetryNotice? Retry { get; init; }

    /// <summary>Units inside the items, for a stage whose items hold others (prepare: the clips of its archives).</summary>
    public InnerCount? Inner { get; init; }

    public int Finished => Done + Failed;

    /// <summary>0 to 1: by amount when it is known, else by items.</summary>
    public double Fraction =>
        Amount > 0 ? Math.Min(1.0, (double)AmountDone / Amount) : Items == 0 ? 1.0 : (double)Finished / Items;

    /// <summary>
    /// The one estimate of the time left, for every stage: what is left at the pace of what is done, by the units
    /// inside the items when their number is known (prepare's clips: archives are few and uneven), else by amount when
    /// it is known, else by items. Null until something is done; zero when all is.
    /// </summary>
    public TimeSpan? TimeLeft(TimeSpan elapsed) =>
        Finished == Items ? TimeSpan.Zero
        : Inner is { Expected: > 0 and var expected, Finished: > 0 and var finished }
            ? Throughput.TimeLeft(finished, Math.Max(0, expected - finished), elapsed)
        : Amount > 0 ? Throughput.TimeLeft(AmountDone, Amount - AmountDone, elapsed)
        : Throughput.TimeLeft(Finished, Items - Finished, elapsed);
}
