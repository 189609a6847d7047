using Spectre.Console;

namespace KineticsPrep.Cli;

/// <summary>
/// Shows a long-running piece of work: a live bar on a terminal, a plain line every few seconds elsewhere
/// (CI, Slurm logs, pipes).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan BarRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(10);

    /// <param name="describe">One line about the current state, given the elapsed time.</param>
    /// <param name="fraction">How much of the work is done, 0 to 1.</param>
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        CliConsole console,
        string title,
        LatestProgress<TProgress> progress,
        Func<TProgress, TimeSpan, string> describe,
        Func<TProgress, double> fraction,
        Task<TResult> work) where TProgress : class
    {
        var started = DateTime.UtcNow;
        if (console.Interactive)
        {
            await console.Ansi().Progress()
                .AutoClear(false)
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: 1.0);
                    while (true)
                    {
                        var finished = await Task.WhenAny(work, Task.Delay(BarRefresh)) == work;
                        task.Value = fraction(progress.Latest);
                        task.Description = Markup.Escape(describe(progress.Latest, DateTime.UtcNow - started));
                        if (finished)
                            break;
                    }
                });
        }
        else
        {
            while (await Task.WhenAny(work, Task.Delay(PlainLineInterval)) != work)
                console.Out.WriteLine($"{title}: {describe(progress.Latest, DateTime.UtcNow - started)}");
            // The closing line only for work that got through; a failure says what it has to say itself.
            if (work.IsCompletedSuccessfully)
                console.Out.WriteLine($"{title}: {describe(progress.Latest, DateTime.UtcNow - started)}");
        }
        return await work;
    }
}
