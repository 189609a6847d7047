using System.CommandLine;
using KineticsPrep.Cli.Commands.Export;
using KineticsPrep.Cli.Commands.Inspect;
using KineticsPrep.Cli.Commands.Prepare;
using KineticsPrep.Cli.Commands.Stages;
using KineticsPrep.Cli.Display;
using KineticsPrep.Cli.Options;
using KineticsPrep.Errors;
using KineticsPrep.IO;

namespace KineticsPrep.Cli.App;

/// <summary>
/// The kinetics-prep command line: one command tree over the services it is built with (<see cref="CliServices"/>:
/// the real ones in <c>Program</c>, fakes in tests), run with the writers it is given (the console, or strings), and
/// one exit-code rule for what a command did not handle itself.
/// </summary>
internal sealed class CliApp(CliServices services)
{
    /// <summary>The program's: the real clock and network.</summary>
    public static CliApp Default { get; } = new(CliServices.Default());

    /// <summary>The command tree, for the tests that walk every command and option.</summary>
    public RootCommand Commands { get; } = HelpExamples.Installed(new RootCommand("kinetics-prep: from nothing to a training-ready Kinetics dataset.")
    {
        ResizeCommand.Create(services),
        PrepareCommand.Create(services),
        StatusCommand.Create(services),
        DemoCommand.Create(services),
        VerifyCommand.Create(services),
        ReportCommand.Create(services),
        DownloadCommand.Create(services),
        AnnotateCommand.Create(services),
        ExtractCommand.Create(services),
        ExportCommand.Create(services),
        OverlapCommand.Create(services),
        CompareCommand.Create(services),
    });

    /// <summary>Runs the program's command line (<see cref="Default"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        Default.RunWithAsync(args, output, error, cancellationToken);

    public async Task<int> RunWithAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error) { Clock = services.Clock };
        var parse = Commands.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A mistyped command or option is the one error worth a line; what follows from it is noise.
            var messages = parse.Errors.Select(ParseErrors.Plain).ToList();
            foreach (var message in messages.Any(ParseErrors.IsSuggestion) ? messages.Where(ParseErrors.IsSuggestion) : messages)
                console.Fatal(message);
            error.WriteLine("Run 'kinetics-prep --help' for usage.");
            return ExitCodes.UsageOrFatal;
        }

        try
        {
            // Commands clean up after themselves on Ctrl+C, so System.CommandLine must not end the process before they return.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM outside a stage's display (which says what it keeps, see StageDisplay).
            return console.Fatal("Cancelled. Run the same command again to continue where it stopped.");
        }
        catch (KineticsPrepException e) when (e.IsFatal)
        {
            // Missing ffmpeg, a full disk, a malformed CSV, a refused start: the message says it all, and what is done is kept.
            return console.Fatal(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written or read.
            return console.Fatal(DiskSpace.IsFull(e) ? $"the disk is full: {e.Message}" : e.Message);
        }
        catch (Exception e)
        {
            // Anything a command did not expect is fatal (exit 2), not "some items failed" (System.CommandLine's 1).
            return console.Fatal($"unexpected error: {e}");
        }
    }

}
