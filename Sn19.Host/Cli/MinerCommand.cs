namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Config;
using Sn19.Host.Miner;
using Sn19.Host.Miner.Hostile;

/// <summary>`sn19 miner`: a miner host serving its tasks to validators.</summary>
internal static class MinerCommand
{
    public static Command Create()
    {
        var command = new Command("miner", "Run a miner host that serves models to validators");
        var hostile = new Option<string?>("--hostile")
        {
            Description = $"TESTING AID: cheat in the named way, to see validators catch it ({HostileSetting.Help}); never for real mining",
        };
        command.Options.Add(hostile);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            HostileSetting? setting = null;
            if (result.GetValue(hostile) is { } text && (setting = HostileSetting.Parse(text, out var problem)) is null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"sn19 miner: --hostile: {problem}");
                return ExitCodes.UsageOrInput;
            }

            return await configuration.RunAsync(
                result,
                "miner",
                (loaded, ct) => MinerRunner.RunAsync(loaded, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct, setting),
                cancellationToken);
        });
        return command;
    }
}
