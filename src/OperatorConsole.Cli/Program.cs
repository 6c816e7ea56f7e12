using OperatorConsole.Cli;

return await Opsctl.RunAsync(args, CliContext.FromProcess());
