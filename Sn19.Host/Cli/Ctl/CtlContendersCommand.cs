namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl contenders [--json]`: one row per contender with its period numbers.</summary>
internal static class CtlContendersCommand
{
    public static Command Create()
    {
        var url = CtlCli.UrlOption();
        var token = CtlCli.TokenOption();
        var json = CtlCli.JsonOption();
        var command = new Command("contenders", "Every (miner, task) contender: open and last closed period, capacity, queries by outcome, work, last score");
        command.Options.Add(json);
        command.Options.Add(url);
        command.Options.Add(token);
        command.SetAction((ParseResult r, CancellationToken ct) => CtlCli.WithClientAsync(r, url, token, async client =>
            CtlCli.Show(r, await client.ContendersAsync(ct), r.GetValue(json), ValidatorTables.Contenders, 200)));
        return command;
    }
}
