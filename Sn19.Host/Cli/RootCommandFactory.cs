namespace Sn19.Host.Cli;

using System.CommandLine;

/// <summary>Builds the `sn19` command tree. Each top-level command lives in its own file.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Sn19: a decentralised inference subnet. Miners serve open models; validators measure them, " +
            "set weights on chain and resell the capacity through an OpenAI-compatible API.");
        root.Subcommands.Add(LocalCommand.Create());
        root.Subcommands.Add(ValidatorCommand.Create());
        root.Subcommands.Add(MinerCommand.Create());
        root.Subcommands.Add(SignerCommand.Create());
        root.Subcommands.Add(ChainCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(CtlCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        return root;
    }
}
