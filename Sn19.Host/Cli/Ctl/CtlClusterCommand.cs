namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl cluster show | leave ADDRESS | down ADDRESS`: membership as the node sees it, and acting on a member.</summary>
internal static class CtlClusterCommand
{
    public static Command Create()
    {
        var command = new Command("cluster", "The validator's cluster: members, leader, unreachable nodes; leave or down a member");
        command.Subcommands.Add(CtlCli.Calling(
            new Command("show", "Members with status, roles, reachability; the leader and the oldest (where singletons run)"),
            async (r, client, json, ct) => CtlCli.Show(r, await client.ClusterAsync(ct), json, ClusterTables.Members, 140)));
        command.Subcommands.Add(Act("leave", "Ask a member to leave the cluster gracefully (its shards and singletons move first)", down: false));
        command.Subcommands.Add(Act("down", "Mark an unreachable member down, so the others take over its shards and singletons", down: true));
        return command;
    }

    private static Command Act(string name, string description, bool down)
    {
        var address = new Argument<string>("address") { Description = "the member's address as `cluster show` prints it, e.g. akka.tcp://validator@10.0.0.2:4051" };
        var command = new Command(name, description);
        command.Arguments.Add(address);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.ClusterActAsync(r.GetValue(address)!, down, ct), json, ClusterTables.Members, 140));
    }
}
