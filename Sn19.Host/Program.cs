using Sn19.Host.Cli;

return await RootCommandFactory.Create().Parse(args).InvokeAsync();
