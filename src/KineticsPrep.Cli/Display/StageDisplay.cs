using System.Globalization;
using KineticsPrep.Cli.App;
using KineticsPrep.IO;
using KineticsPrep.Running;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// The one way a command shows a stage at work: its progress (a live bar, or plain lines in logs), the same frame for
/// every stage, and on Ctrl+C the command's own message and the fatal exit code.
/// </summary>
internal static class StageDisplay
{
    /// <param name="work">The stage, reporting to the progress it is given.</param>
    /// <param name="cancelled">What Ctrl+C leaves behind, and how to go on.</param>
    /// <exception cref="CommandCancelledException">Ctrl+C (or SIGTERM) stopped the work.</exception>
    public static Task<TResult> RunAsync<TResult>(
        CliConsole console, string title, string unit, Func<IProgress<StageProgress>, Task<TResult>> work, string cancelled) =>
        RunAsync(console, title, StageProgress.None(unit), Frame, work, cancelled);

    /// <summary>As the other overload, for a run with a progress of its own (prepare's archives, clips and bytes).</summary>
    public static async Task<TResult> RunAsync<TResult>(
        CliConsole console, string title, StageProgress initial, Func<StageProgress, TimeSpan, ProgressFrame> frame,
        Func<IProgress<StageProgress>, Task<TResult>> work, string cancelled)
    {
        var progress = new LatestProgress<StageProgress>(initial);
        try
        {
            // On the thread pool: a stage that first lists its items synchronously must not hold the display back.
            return await ProgressDisplay.RunAsync(console, title, progress, frame, Task.Run(() => work(progress)), $"finding the {initial.Unit} to do");
        }
        catch (OperationCanceledException e)
        {
            throw new CommandCancelledException(cancelled, e);
        }
    }

    /// <summary>"12/40 clips", "1 failed, 310 MiB (21.5 MiB/s), 8 already done", "ETA 00:02:10", the current item.</summary>
    public static ProgressFrame Frame(StageProgress p, TimeSpan elapsed)
    {
        var stats = $"{p.Failed} failed";
        if (p.AmountDone > 0)
            stats += $", {Bytes.Format(p.AmountDone)} ({Bytes.Format((long)Throughput.PerSecond(p.AmountDone, elapsed))}/s)";
        else
            stats += string.Create(CultureInfo.InvariantCulture, $", {Throughput.PerSecond(p.Finished, elapsed):0.00} {p.Unit}/s");
        if (p.AlreadyDone > 0)
            stats += $", {p.AlreadyDone} already done";
        var detail = p.Retry is { } retry ? Waiting(retry) : p.Finished < p.Items ? p.Current : null;
        return new ProgressFrame(p.Fraction, $"{p.Finished}/{p.Items} {p.Unit}", stats, Eta(p.TimeLeft(elapsed)), detail);
    }

    public static string Eta(TimeSpan? left) =>
        "ETA " + (left is { } value ? value.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--");

    /// <summary>"retrying part_3.tar.gz at 06:55:12 (attempt 3): connection refused".</summary>
    public static string Waiting(RetryNotice retry) =>
        string.Create(CultureInfo.InvariantCulture, $"retrying {retry.Item} at {retry.NextAttempt.ToLocalTime():HH:mm:ss} (attempt {retry.Attempt}): {retry.Reason}");
}
