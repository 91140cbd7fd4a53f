namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl contenders [--json]`: one row per contender with its period numbers.</summary>
internal static class CtlContendersCommand
{
    public static Command Create() => CtlCli.Calling(
        new Command("contenders", "Every (miner, task) contender: open and last closed period, capacity, queries by outcome, work, last score"),
        async (r, client, json, ct) => CtlCli.Show(r, await client.ContendersAsync(ct), json, ValidatorTables.Contenders, 200));
}
