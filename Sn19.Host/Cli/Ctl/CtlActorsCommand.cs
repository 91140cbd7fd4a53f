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

            var call = await client.ListAsync(prefix, ct);
            if (!call.IsOk)
            {
                return CtlCli.Failed(r, call);
            }

            var list = call.Value!;
            if (r.GetValue(json))
            {
                CtlCli.WriteJson(r, list);
                return ExitCodes.Ok;
            }

            var console = CtlCli.Console(r);
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
            console.Write(ActorTables.List(list.Actors, list.System));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
