namespace KineticsPrep.Cli.Display;

/// <summary>What a progress display shows at one moment, for any stage.</summary>
/// <param name="Fraction">How much of the work is done, 0 to 1.</param>
/// <param name="Counts">"12/40 clips".</param>
/// <param name="Stats">Failures, amounts and rates: "1 failed, 310 MiB (21.5 MiB/s)".</param>
/// <param name="Eta">"ETA 00:02:10", or "ETA --:--:--" before there is one.</param>
/// <param name="Detail">The current item, or the item waiting to retry; null when there is none.</param>
internal sealed record ProgressFrame(double Fraction, string Counts, string Stats, string Eta, string? Detail)
{
    /// <summary>Before the work can count anything: what it is doing ("finding the clips to do").</summary>
    public static ProgressFrame Starting(string doing) => new(0, doing + " …", "", "", null);

    /// <summary>The one line a log gets every few seconds.</summary>
    public string PlainLine(string title) =>
        $"{title}: " + string.Join(", ", new[] { Counts, Stats, Eta }.Where(part => part.Length > 0)) + (Detail is null ? "" : $"; {Detail}");
}
