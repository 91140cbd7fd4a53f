namespace Sn19.Host.Cli.Model;

using System.CommandLine;

internal static class ModelScoreCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("score", "Score a token sequence: log-probability and rank of every next token", "issue 4");
}
