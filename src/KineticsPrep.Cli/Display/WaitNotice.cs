using KineticsPrep.Pipeline;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// For a step that shows no progress of its own (a fetch, reading a large index): when it has not finished after 2 s,
/// one line says what the command waits on, so no wait is a blank screen.
/// </summary>
internal static class WaitNotice
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(2);

    /// <summary>What a fetch of other releases' annotation files ("k400:val,k600:val") waits on.</summary>
    public static string Fetching(AnnotationFetch fetch, string? splits) => $"Fetching the annotation files of {splits} from {fetch.Source}";

    /// <param name="waitingOn">What the step does: "Fetching the k400:val annotation file from https://…".</param>
    public static async Task<T> SayIfSlowAsync<T>(this CliConsole console, string waitingOn, Task<T> step)
    {
        using var stop = new CancellationTokenSource();
        var notice = Task.Delay(After, console.Clock, stop.Token);
        if (await Task.WhenAny(step, notice) == notice && notice.IsCompletedSuccessfully)
            console.Out.WriteLine($"{waitingOn} …");
        await stop.CancelAsync();
        return await step;
    }
}
