namespace KineticsPrep.Running;

/// <summary>Rates and time left, from what a run has done so far in the time it has taken.</summary>
public static class Throughput
{
    public static double PerSecond(double amount, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? amount / elapsed.TotalSeconds : 0;

    /// <summary>
    /// The time <paramref name="remaining"/> units should take at the pace of <paramref name="done"/> units in
    /// <paramref name="elapsed"/>; null until something is done.
    /// </summary>
    public static TimeSpan? TimeLeft(double done, double remaining, TimeSpan elapsed) =>
        done > 0 && remaining >= 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * remaining / done) : null;
}
