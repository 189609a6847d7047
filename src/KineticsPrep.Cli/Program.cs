using KineticsPrep.Cli.App;
using KineticsPrep.Cli.Display;

using var termination = new TerminationSignal();
return await CliApp.RunAsync(args, CliConsole.StandardOutput(), Console.Error, termination.Token);
