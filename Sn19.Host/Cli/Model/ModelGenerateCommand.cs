namespace Sn19.Host.Cli.Model;

using System.CommandLine;

internal static class ModelGenerateCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("generate", "Generate text with seeded sampling and log-probabilities", "issue 4");
}
