using Spectre.Console;
using Spectre.Console.Rendering;

namespace KineticsPrep.Cli.Display;

/// <summary>
/// Shows a long-running piece of work: a live bar on a terminal (<see cref="ProgressLayout"/>), a plain line every few
/// seconds elsewhere (CI, Slurm logs, pipes), the first after 2 s so that no wait is a blank screen. Until the work
/// reports, it says what the work is doing before it can count (<c>starting</c>).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan BarRefresh = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FirstPlainLine = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(10);

    /// <param name="frame">What to show for the latest progress, given the elapsed time.</param>
    /// <param name="starting">What the work does before its first report: "finding the clips to do".</param>
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        CliConsole console,
        string title,
        LatestProgress<TProgress> progress,
        Func<TProgress, TimeSpan, ProgressFrame> frame,
        Task<TResult> work,
        string starting) where TProgress : class
    {
        var clock = console.Clock;
        var started = clock.GetTimestamp();
        ProgressFrame Now() => progress.Reported ? frame(progress.Latest, clock.GetElapsedTime(started)) : ProgressFrame.Starting(starting);
        if (console.Terminal is { } terminal)
        {
            await terminal.Live(Render(title, Now(), terminal))
                .AutoClear(false)
                .StartAsync(async context =>
                {
                    while (true)
                    {
                        var finished = await Task.WhenAny(work, Task.Delay(BarRefresh, clock)) == work;
                        context.UpdateTarget(Render(title, Now(), terminal));
                        context.Refresh();
                        if (finished)
                            break;
                    }
                });
        }
        else
        {
            var wait = FirstPlainLine;
            while (await Task.WhenAny(work, Task.Delay(wait, clock)) != work)
            {
                console.Out.WriteLine(Now().PlainLine(title));
                wait = PlainLineInterval;
            }
            // The closing line only for work that got through; a failure says what it has to say itself.
            if (work.IsCompletedSuccessfully)
                console.Out.WriteLine(Now().PlainLine(title));
        }
        return await work;
    }

    private static Rows Render(string title, ProgressFrame frame, IAnsiConsole terminal) =>
        new(ProgressLayout.Lines(title, frame, terminal.Profile.Width).Select(line => (IRenderable)new Markup(line)));
}
