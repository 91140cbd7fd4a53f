namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl actor PATH`: one actor with its state summary.</summary>
internal static class CtlActorCommand
{
    public static Command Create()
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var path = new Argument<string>("path") { Description = "the actor's full path, e.g. /user/demo/counter" };
        var command = new Command("actor", "Show one actor and the state summary it reports");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
        {
            var target = r.GetValue(path) ?? string.Empty;
            if (!target.StartsWith('/'))
            {
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl actor: '{target}' is not an actor path (e.g. /user/demo/counter)");
                return ExitCodes.UsageOrInput;
            }

            var call = await client.DescribeAsync(target, ct);
            if (!call.IsOk)
            {
                return CtlCli.Failed(r, call);
            }

            if (r.GetValue(json))
            {
                CtlCli.WriteJson(r, call.Value!);
                return ExitCodes.Ok;
            }

            var console = CtlCli.Console(r);
            console.Profile.Width = Math.Max(console.Profile.Width, 120);
            console.Write(ActorTables.One(call.Value!));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
