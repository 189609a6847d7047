namespace KineticsPrep.Download;

public sealed record DownloadOptions
{
    /// <summary>Files downloaded at once.</summary>
    public int Jobs { get; init; } = 8;

    /// <summary>Retries per file after the first attempt, for 5xx, 429, dropped connections and stalls.</summary>
    public int Retries { get; init; } = 10;

    /// <summary>The first retry's delay; each next one doubles, with jitter, unless the server says Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A connection that sends nothing for this long is dropped and the file resumed.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A connection slower than this (bytes per second) over a whole <see cref="SlowWindow"/> counts as stalled too:
    /// a server that trickles a byte at a time never trips <see cref="StallTimeout"/>. Zero turns the rule off.
    /// </summary>
    public long MinimumRate { get; init; } = 10 * 1024;

    public TimeSpan SlowWindow { get; init; } = TimeSpan.FromMinutes(2);
}
