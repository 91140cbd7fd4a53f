namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl cluster show | leave ADDRESS | down ADDRESS`: membership as the node sees it, and acting on a member.</summary>
internal static class CtlClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "The validator's cluster: members, leader, unreachable nodes; leave or down a member");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Act("leave", "Ask a member to leave the cluster gracefully (its shards and singletons move first)", down: false));
        command.Subcommands.Add(Act("down", "Mark an unreachable member down, so the others take over its shards and singletons", down: true));
        return command;
    }

    private static Command Show()
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var command = new Command("show", "Members with status, roles, reachability; the leader and the oldest (where singletons run)");
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
            CtlCli.Show(r, await client.ClusterAsync(ct), r.GetValue(json), ClusterTables.Members, 140)));
        return command;
    }

    private static Command Act(string name, string description, bool down)
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var address = new Argument<string>("address") { Description = "the member's address as `cluster show` prints it, e.g. akka.tcp://validator@10.0.0.2:4051" };
        var command = new Command(name, description);
        command.Arguments.Add(address);
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
            CtlCli.Show(r, await client.ClusterActAsync(r.GetValue(address)!, down, ct), r.GetValue(json), ClusterTables.Members, 140)));
        return command;
    }
}
