namespace Sn19.Host.Cli.Ctl;

using System.CommandLine;

/// <summary>`sn19 ctl weights [--limit N] [--json]`: the weight setter's last rounds.</summary>
internal static class CtlWeightsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "rounds to show, newest first (1-1000)", DefaultValueFactory = _ => 10 };
        var command = new Command("weights", "The last weight rounds: when, submitted or why not, the chain block, the top weights");
        command.Options.Add(limit);
        return CtlCli.Calling(command, async (r, client, json, ct) =>
            CtlCli.Show(r, await client.WeightsAsync(r.GetValue(limit), ct), json, ValidatorTables.Weights, 160));
    }
}
