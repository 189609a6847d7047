using System.CommandLine;
using KineticsPrep;
using KineticsPrep.Cli;
using KineticsPrep.Media;

var root = new RootCommand("kinetics-prep: from nothing to a training-ready Kinetics dataset.")
{
    ResizeCommand.Create(),
    PrepareCommand.Create(),
    StatusCommand.Create(),
    DemoCommand.Create(),
    VerifyCommand.Create(),
    ReportCommand.Create(),
    DownloadCommand.Create(),
    AnnotateCommand.Create(),
    ExtractCommand.Create(),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine($"kinetics-prep: {error.Message}");
    Console.Error.WriteLine("Run 'kinetics-prep --help' for usage.");
    return ExitCodes.UsageOrFatal;
}

// Commands clean up after themselves on Ctrl+C, so System.CommandLine must not end the process before they return.
using var termination = new TerminationSignal();
try
{
    return await parse.InvokeAsync(
        new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, termination.Token);
}
catch (Exception e) when (e is DiskFullException or MediaToolsMissingException or IOException or UnauthorizedAccessException)
{
    // Missing ffmpeg, a full disk, a folder that cannot be written: the message says it all, and what is done is kept.
    return Fatal.Report(e is IOException && DiskSpace.IsFull(e) ? $"the disk is full: {e.Message}" : e.Message);
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // Anything a command did not expect is fatal (exit 2), not "some items failed" (System.CommandLine's 1).
    Console.Error.WriteLine($"kinetics-prep: unexpected error: {e}");
    return ExitCodes.UsageOrFatal;
}
