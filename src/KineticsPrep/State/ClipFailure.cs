namespace KineticsPrep.State;

/// <summary>
/// A clip that could not be resized, and why. A transient failure (a killed or signalled ffmpeg, an I/O error, a
/// permission) is retried by the next run; a permanent one (the input does not decode) is reported every run.
/// </summary>
public sealed record ClipFailure(string Clip, string Reason, bool Transient);
