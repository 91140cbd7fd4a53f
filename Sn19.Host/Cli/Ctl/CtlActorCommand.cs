namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl actor PATH`: one actor with its state summary.</summary>
internal static class CtlActorCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "the actor's full path, e.g. /user/weight-setter/singleton" };
        var command = new Command("actor", "Show one actor and the state summary it reports");
        command.Arguments.Add(path);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
        {
            var target = r.GetValue(path) ?? string.Empty;
            if (!target.StartsWith('/'))
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"sn19 ctl actor: '{target}' is not an actor path (e.g. /user/weight-setter/singleton)");
                return ExitCodes.UsageOrInput;
            }

            return CtlCli.Show(r, await client.DescribeAsync(target, ct), json, ActorTables.One, 120);
        });
    }
}
