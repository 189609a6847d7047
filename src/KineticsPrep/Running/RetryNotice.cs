namespace KineticsPrep.Running;

/// <summary>An item waiting to be tried again: which, why, and when the next attempt starts.</summary>
/// <param name="Attempt">The attempt that comes next (the first retry is attempt 2).</param>
public sealed record RetryNotice(string Item, string Reason, DateTimeOffset NextAttempt, int Attempt);
