using System.Globalization;
using KineticsPrep.Resize;

namespace KineticsPrep.Cli;

/// <summary>The one-line state of a resize run: clips done of total, rate and ETA (estimated from source bytes).</summary>
internal static class ResizeProgressText
{
    public static double Fraction(ResizeProgress p) =>
        p.PendingBytes == 0 ? 1.0 : Math.Min(1.0, (double)p.FinishedBytes / p.PendingBytes);

    public static string Describe(ResizeProgress p, TimeSpan elapsed)
    {
        var done = p.Finished + p.Failed;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{done}/{p.Pending} clips, {p.Failed} failed, {done / Math.Max(elapsed.TotalSeconds, 0.001):0.00} clips/s");
        if (p.FinishedBytes > 0 && p.FinishedBytes < p.PendingBytes)
        {
            var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds * (p.PendingBytes - p.FinishedBytes) / p.FinishedBytes);
            text += $", ETA {eta:hh\\:mm\\:ss}";
        }
        return p.AlreadyDone > 0 ? $"{text} ({p.AlreadyDone} already done)" : text;
    }
}
