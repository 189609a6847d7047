using KineticsPrep.Cli;

using var termination = new TerminationSignal();
return await CliApp.RunAsync(args, CliConsole.StandardOutput(), Console.Error, termination.Token);
