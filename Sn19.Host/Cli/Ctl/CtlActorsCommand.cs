namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl actors [--path PREFIX] [--json]`: the node's live actors.</summary>
internal static class CtlActorsCommand
{
    public static Command Create()
    {
        var path = new Option<string?>("--path") { Description = "only actors at or under this path, e.g. /user/task-chat or /system/sharding" };
        var command = new Command("actors", "List live actors: path, type, status, mailbox, children, persistence id, sequence, summary");
        command.Options.Add(path);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
        {
            var prefix = r.GetValue(path);
            if (prefix is not null && !prefix.StartsWith('/'))
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"sn19 ctl actors: --path '{prefix}' must start with '/' (e.g. /user/task-chat)");
                return ExitCodes.UsageOrInput;
            }

            return CtlCli.Show(r, await client.ListAsync(prefix, ct), json, list => ActorTables.List(list.Actors, list.System), 200);
        });
    }
}
