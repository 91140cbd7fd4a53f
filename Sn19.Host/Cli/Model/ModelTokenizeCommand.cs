namespace Sn19.Host.Cli.Model;

using System.CommandLine;

internal static class ModelTokenizeCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("tokenize", "Print the token ids of texts under a model's tokenizer", "issue 4");
}
