namespace Sn19.Host.Cli.Model;

using System.CommandLine;

internal static class ModelCreateTestCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("create-test", "Write a random-weight Llama GGUF carrying a given vocabulary's tokenizer", "issue 4");
}
