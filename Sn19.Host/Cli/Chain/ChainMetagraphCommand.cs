namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Globalization;
using Spectre.Console;

/// <summary>`sn19 chain metagraph`: every uid with stake, axon, permit and the last epoch's consensus values.</summary>
internal static class ChainMetagraphCommand
{
    public static Command Create()
    {
        var json = ChainCli.JsonOption();
        var netuid = new Option<ushort>("--netuid")
        {
            Description = "the subnet to read from a Subtensor node (--url ws:// or wss://); the local chain serves one subnet",
            DefaultValueFactory = _ => 19,
        };
        var command = new Command(
            "metagraph",
            "Show the subnet's metagraph: uids, keys, stake, axons, permits, incentive, dividends, trust. With --url ws(s)://… it reads a Subtensor (Bittensor) node");
        command.Options.Add(json);
        command.Options.Add(netuid);
        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
            r.GetValue(url.Url) is { } given && Sn19.Actors.Chain.ChainOptions.IsSubtensorUrl(given)
                ? SubtensorMetagraphOutput.RunAsync(r, new Uri(given), r.GetValue(netuid), r.GetValue(json), ct)
                : ChainCli.WithClientAsync(r, url, async (chain, token) =>
        {
            var result = await chain.GetMetagraphAsync(token);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            var m = result.Value!;
            if (r.GetValue(json))
            {
                ChainCli.WriteJson(r, m);
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"netuid {m.Netuid} at block {m.Block} (last epoch {m.LastEpochBlock}, tempo {m.Hyperparameters.Tempo})");
            foreach (var h in new[] { "uid", "hotkey", "coldkey", "stake τ", "axon", "vpermit", "active", "incentive", "dividends", "consensus", "trust", "vtrust", "rank", "emission τ", "updated", "registered" })
            {
                table.AddColumn(new TableColumn(h));
            }

            foreach (var n in m.Neurons)
            {
                table.AddRow(
                    n.Uid.ToString(CultureInfo.InvariantCulture),
                    Short(n.Hotkey),
                    Short(n.Coldkey),
                    ChainCli.Tao(n.StakeRao),
                    n.AxonIp is null ? "-" : $"{n.AxonIp}:{n.AxonPort}",
                    n.ValidatorPermit ? "yes" : "no",
                    n.Active ? "yes" : "no",
                    ChainCli.Proportion(n.Incentive),
                    ChainCli.Proportion(n.Dividends),
                    ChainCli.Proportion(n.Consensus),
                    ChainCli.Proportion(n.Trust),
                    ChainCli.Proportion(n.ValidatorTrust),
                    ChainCli.Proportion(n.Rank),
                    ChainCli.Tao(n.EmissionRao),
                    n.LastUpdate.ToString(CultureInfo.InvariantCulture),
                    n.RegisteredAt.ToString(CultureInfo.InvariantCulture));
            }

            ChainCli.Console(r).Write(table);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string Short(string key) => key.Length > 12 ? key[..6] + "…" + key[^4..] : key;
}
