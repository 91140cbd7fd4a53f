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
        var path = new Argument<string>("path") { Description = "the actor's full path, e.g. /user/weight-setter/singleton" };
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
                r.InvocationConfiguration.Error.WriteLine($"sn19 ctl actor: '{target}' is not an actor path (e.g. /user/weight-setter/singleton)");
                return ExitCodes.UsageOrInput;
            }

            return CtlCli.Show(r, await client.DescribeAsync(target, ct), r.GetValue(json), ActorTables.One, 120);
        }));
        return command;
    }
}
