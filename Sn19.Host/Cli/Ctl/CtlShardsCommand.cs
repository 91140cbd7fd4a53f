namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl shards [--entities] [--json]`: the shard regions the node hosts, asked of its regions directly.</summary>
internal static class CtlShardsCommand
{
    public static Command Create()
    {
        var entities = new Option<bool>("--entities") { Description = "list every entity id (e.g. contender/HOTKEY/TASK)" };
        var command = new Command("shards", "Shard regions on the node: shards and entity counts (ask each node for its own)");
        command.Options.Add(entities);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.ShardsAsync(r.GetValue(entities), ct), json, ClusterTables.Shards, 140));
    }
}
