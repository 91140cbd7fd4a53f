namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using System.Globalization;
using Sn19.Actors.Chain.Subtensor;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Chain.Subtensor.Scale;
using Spectre.Console;

/// <summary>`sn19 chain metagraph --url ws(s)://… --netuid N`: a Subtensor node's subnet, as a table or JSON.</summary>
internal static class SubtensorMetagraphOutput
{
    public static async Task<int> RunAsync(ParseResult result, Uri url, ushort netuid, bool json, CancellationToken cancellationToken)
    {
        SubtensorMetagraph metagraph;
        try
        {
            await using var rpc = await SubtensorRpcClient.ConnectAsync(url, cancellationToken);
            metagraph = await SubtensorMetagraph.ReadAsync(rpc, netuid, cancellationToken);
        }
        catch (Exception error) when (error is SubtensorRpcException or ScaleFormatException or KeyNotFoundException)
        {
            result.InvocationConfiguration.Error.WriteLine($"sn19 chain: {error.Message}");
            return ExitCodes.Failure;
        }

        if (json)
        {
            ChainCli.WriteJson(result, metagraph);
            return ExitCodes.Ok;
        }

        var table = new Table().Title($"netuid {netuid} at block {metagraph.Block} ({metagraph.BlockHash[..10]}…) on {url.Host}");
        foreach (var heading in new[] { "uid", "hotkey", "coldkey", "stake", "axon", "vpermit", "active", "incentive", "dividends", "updated" })
        {
            table.AddColumn(new TableColumn(heading));
        }

        foreach (var n in metagraph.Neurons)
        {
            table.AddRow(
                n.Uid.ToString(CultureInfo.InvariantCulture), n.Hotkey, n.Coldkey, ChainCli.Tao(n.StakeRao),
                n.AxonIp is null ? "-" : $"{n.AxonIp}:{n.AxonPort}", n.ValidatorPermit ? "yes" : "no", n.Active ? "yes" : "no",
                ChainCli.Proportion(n.Incentive), ChainCli.Proportion(n.Dividends), n.LastUpdate.ToString(CultureInfo.InvariantCulture));
        }

        ChainCli.Console(result).Write(table);
        return ExitCodes.Ok;
    }
}
