namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Config;
using Sn19.Host.Miner;

/// <summary>`sn19 miner`: a miner host serving its tasks to validators.</summary>
internal static class MinerCommand
{
    public static Command Create()
    {
        var command = new Command("miner", "Run a miner host that serves models to validators");
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => configuration.RunAsync(
            result,
            "miner",
            (loaded, ct) => MinerRunner.RunAsync(loaded, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct),
            cancellationToken));
        return command;
    }
}
