namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Globalization;
using Spectre.Console;

/// <summary>`sn19 chain epochs`: the most recent epochs the chain ran.</summary>
internal static class ChainEpochsCommand
{
    public static Command Create()
    {
        var json = ChainCli.JsonOption();
        var limit = new Option<int>("--limit") { Description = "how many epochs, newest first", DefaultValueFactory = _ => 20 };
        var command = new Command("epochs", "Show the latest epochs: block, uids, validators, emission paid, top earners");
        command.Options.Add(limit);
        command.Options.Add(json);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) => ChainCli.WithClientAsync(r, url, async (chain, token) =>
        {
            var result = await chain.GetEpochsAsync(r.GetValue(limit), token);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            if (r.GetValue(json))
            {
                ChainCli.WriteJson(r, result.Value);
                return ExitCodes.Ok;
            }

            var table = new Table().Title("epochs");
            foreach (var h in new[] { "epoch", "block", "uids", "validators", "paid τ", "top incentive (uid)", "top dividends (uid)" })
            {
                table.AddColumn(h);
            }

            foreach (var e in result.Value!)
            {
                table.AddRow(
                    e.Index.ToString(CultureInfo.InvariantCulture),
                    e.Block.ToString(CultureInfo.InvariantCulture),
                    e.Neurons.ToString(CultureInfo.InvariantCulture),
                    e.Validators.ToString(CultureInfo.InvariantCulture),
                    ChainCli.Tao(e.EmissionRao),
                    e.TopIncentiveUid < 0 ? "-" : $"{ChainCli.Proportion(e.TopIncentive)} ({e.TopIncentiveUid})",
                    e.TopDividendsUid < 0 ? "-" : $"{ChainCli.Proportion(e.TopDividends)} ({e.TopDividendsUid})");
            }

            ChainCli.Console(r).Write(table);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
