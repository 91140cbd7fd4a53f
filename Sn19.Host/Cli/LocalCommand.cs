namespace Sn19.Host.Cli;

using System.CommandLine;
using Sn19.Host.Cli.Config;
using Sn19.Host.Local;

/// <summary>`sn19 local`: a whole subnet on this machine.</summary>
internal static class LocalCommand
{
    public static Command Create()
    {
        var periods = new Option<int?>("--periods") { Description = "stop after this many scoring periods (exit code 0); default: run until Ctrl+C" };
        var dataDir = new Option<string?>("--data-dir") { Description = "where state lives (models, chain, journal); reused by the next run (local.data-dir)" };
        var nodes = new Option<int?>("--validator-nodes")
        {
            Description = "run the validator as this many node processes, one Akka.NET cluster on PostgreSQL (local.validator-nodes; default 1: in this process on SQLite)",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string for the cluster's journal (local.postgres); default: this machine's, started by scripts/ensure-postgres.sh",
        };
        var command = new Command("local", "Run a whole subnet on this machine: local chain, validator and four miners, one-minute periods");
        command.Options.Add(periods);
        command.Options.Add(dataDir);
        command.Options.Add(nodes);
        command.Options.Add(postgres);
        var configuration = ConfigurationCliOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => configuration.RunAsync(result, "local", async (loaded, ct) =>
        {
            if (result.GetValue(periods) is < 1)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("sn19 local: --periods must be at least 1");
                return ExitCodes.UsageOrInput;
            }

            var options = loaded.GetOptions<LocalOptions>("local");
            options.ValidatorNodes = result.GetValue(nodes) ?? options.ValidatorNodes;
            options.Postgres = result.GetValue(postgres) ?? options.Postgres;
            if (options.ValidatorNodes is < 1 or > 16)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("sn19 local: --validator-nodes must be 1..16");
                return ExitCodes.UsageOrInput;
            }

            var folder = result.GetValue(dataDir) ?? options.DataDir;
            try
            {
                return await new LocalSubnet(loaded, options, folder, result.InvocationConfiguration.Output).RunAsync(result.GetValue(periods), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync("Stopped. State is kept for the next run.");
                return ExitCodes.Ok;
            }
        }, cancellationToken));
        return command;
    }
}
