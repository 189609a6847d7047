using System.Globalization;

namespace KineticsPrep.Cli;

/// <summary>
/// The one way a command shows a stage at work: its progress (a live bar, or plain lines in logs), the same line for
/// every stage, and on Ctrl+C the command's own message and the fatal exit code.
/// </summary>
internal static class StageDisplay
{
    /// <param name="work">The stage, reporting to the progress it is given.</param>
    /// <param name="cancelled">What Ctrl+C leaves behind, and how to go on.</param>
    /// <exception cref="CommandCancelledException">Ctrl+C (or SIGTERM) stopped the work.</exception>
    public static Task<TResult> RunAsync<TResult>(
        CliConsole console, string title, string unit, Func<IProgress<StageProgress>, Task<TResult>> work, string cancelled) =>
        RunAsync(console, title, StageProgress.None(unit), Describe, p => p.Fraction, work, cancelled);

    /// <summary>As the other overload, for a run with a progress of its own (prepare's archives, clips and bytes).</summary>
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        CliConsole console, string title, TProgress initial, Func<TProgress, TimeSpan, string> describe, Func<TProgress, double> fraction,
        Func<IProgress<TProgress>, Task<TResult>> work, string cancelled) where TProgress : class
    {
        var progress = new LatestProgress<TProgress>(initial);
        try
        {
            return await ProgressDisplay.RunAsync(console, title, progress, describe, fraction, work(progress));
        }
        catch (OperationCanceledException e)
        {
            throw new CommandCancelledException(cancelled, e);
        }
    }

    /// <summary>"12/40 clips, 1 failed, 310 MiB (21.5 MiB/s), ETA 00:02:10 (8 already done)".</summary>
    public static string Describe(StageProgress p, TimeSpan elapsed)
    {
        var text = $"{p.Finished}/{p.Items} {p.Unit}, {p.Failed} failed";
        if (p.AmountDone > 0)
            text += $", {Bytes.Format(p.AmountDone)} ({Bytes.Format((long)Throughput.PerSecond(p.AmountDone, elapsed))}/s)";
        else
            text += string.Create(CultureInfo.InvariantCulture, $", {Throughput.PerSecond(p.Finished, elapsed):0.00} {p.Unit}/s");
        if (p.TimeLeft(elapsed) is { } left)
            text += string.Create(CultureInfo.InvariantCulture, $", ETA {left:hh\\:mm\\:ss}");
        return p.AlreadyDone > 0 ? $"{text} ({p.AlreadyDone} already done)" : text;
    }
}
