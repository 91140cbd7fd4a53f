namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl shards [--entities] [--json]`: the shard regions the node hosts, asked of its regions directly.</summary>
internal static class CtlShardsCommand
{
    public static Command Create()
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var entities = new Option<bool>("--entities") { Description = "list every entity id (e.g. contender/HOTKEY/TASK)" };
        var command = new Command("shards", "Shard regions on the node: shards and entity counts (ask each node for its own)");
        command.Options.Add(entities);
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
            CtlCli.Show(r, await client.ShardsAsync(r.GetValue(entities), ct), r.GetValue(json), ClusterTables.Shards, 140)));
        return command;
    }
}
