namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Model;

internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Create test models, tokenize, generate, score and benchmark the CPU engine");
        command.Subcommands.Add(ModelCreateTestCommand.Create());
        command.Subcommands.Add(ModelTokenizeCommand.Create());
        command.Subcommands.Add(ModelGenerateCommand.Create());
        command.Subcommands.Add(ModelScoreCommand.Create());
        command.Subcommands.Add(ModelBenchCommand.Create());
        return command;
    }
}
