namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl actors [--path PREFIX] [--json]`: the node's live actors.</summary>
internal static class CtlActorsCommand
{
    public static Command Create()
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var path = new Option<string?>("--path") { Description = "only actors at or under this path, e.g. /user/subnet" };
        var command = new Command("actors", "List live actors: path, type, status, mailbox, restarts, last message, persistence id, sequence, summary");
        command.Options.Add(path);
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
        {
            var prefix = r.GetValue(path);
            if (prefix is not null && !prefix.StartsWith('/'))
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl actors: --path '{prefix}' must start with '/' (e.g. /user/subnet)");
                return ExitCodes.UsageOrInput;
            }

            return CtlCli.Show(r, await client.ListAsync(prefix, ct), r.GetValue(json), list => ActorTables.List(list.Actors, list.System), 200);
        }));
        return command;
    }
}
