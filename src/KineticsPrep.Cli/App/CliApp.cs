using System.CommandLine;
using KineticsPrep.Cli.Commands.Export;
using KineticsPrep.Cli.Commands.Inspect;
using KineticsPrep.Cli.Commands.Prepare;
using KineticsPrep.Cli.Commands.Stages;
using KineticsPrep.Cli.Display;
using KineticsPrep.Errors;
using KineticsPrep.IO;

namespace KineticsPrep.Cli.App;

/// <summary>
/// The kinetics-prep command line: one command tree, run with the writers it is given (the console in
/// <c>Program</c>, strings in the tests), and one exit-code rule for what a command did not handle itself.
/// </summary>
internal static class CliApp
{
    /// <summary>What the commands share, made once (the composition root).</summary>
    private static readonly CliServices Services = new();

    private static readonly RootCommand Root = new("kinetics-prep: from nothing to a training-ready Kinetics dataset.")
    {
        ResizeCommand.Create(Services),
        PrepareCommand.Create(Services),
        StatusCommand.Create(Services),
        DemoCommand.Create(Services),
        VerifyCommand.Create(Services),
        ReportCommand.Create(Services),
        DownloadCommand.Create(Services),
        AnnotateCommand.Create(Services),
        ExtractCommand.Create(Services),
        ExportCommand.Create(Services),
        OverlapCommand.Create(Services),
        CompareCommand.Create(),
    };

    /// <summary>The command tree, for the tests that walk every command and option.</summary>
    public static RootCommand Commands => Root;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error);
        var parse = Root.Parse(args);
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
