using KineticsPrep.Errors;

namespace KineticsPrep.Download;

/// <summary>A failure worth another try: 5xx, 429, a dropped or short connection, a stall.</summary>
public sealed class RetryableDownloadException(string message, TimeSpan? retryAfter = null) : KineticsPrepException(message, isFatal: false)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
