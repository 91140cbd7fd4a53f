namespace Sn19.Host.Cli.Model;

using System.CommandLine;

internal static class ModelBenchCommand
{
    public static Command Create() =>
        NotBuiltCommand.Create("bench", "Measure decode and prefill tokens per second", "issue 4");
}
