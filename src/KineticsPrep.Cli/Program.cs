using KineticsPrep.Cli;

using var termination = new TerminationSignal();
return await CliApp.RunAsync(args, Console.Out, Console.Error, termination.Token);
