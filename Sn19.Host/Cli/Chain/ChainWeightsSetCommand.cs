namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using Sn19.Actors.Chain;
using Sn19.Actors.Signing;
using Sn19.Host.Cli.Signer;

/// <summary>
/// <c>sn19 chain weights set --uids 3,4 --values 65535,100 --name CLIENT --token-file F [--hotkey WALLET/HOTKEY]</c>:
/// sets a validator's weights the way the validator does. The chain takes only a submission signed by the
/// hotkey, so the command asks a running signer (as a client with a weights grant) to sign it, against the
/// hotkey's last update read from the chain just before, and submits it. It reads no key file.
/// </summary>
internal static class ChainWeightsSetCommand
{
    public static Command Create()
    {
        var uids = new Option<string>("--uids") { Description = "comma-separated uids, e.g. 3,4,5", Required = true };
        var values = new Option<string>("--values") { Description = "comma-separated u16 weights, one per uid", Required = true };
        var version = new Option<ulong>("--version-key") { Description = "the validator's version key", DefaultValueFactory = _ => 0 };
        var command = new Command(
            "set", "Set a hotkey's weights, signed by the hotkey through a running signer (u16 values; the chain max-upscales them so the largest is 65535)");
        foreach (var option in new Option[] { uids, values, version })
        {
            command.Options.Add(option);
        }

        var client = new SignerClientCliOptions(command, "Client name in the signer's tokens file (granted the weights kind)");

        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (!ChainWeightsCommand.TryParseList(r.GetValue(uids), out var uidList) || !ChainWeightsCommand.TryParseList(r.GetValue(values), out var valueList))
            {
                r.InvocationConfiguration.Error.WriteLine("sn19 chain weights set: --uids and --values must be comma-separated integers 0-65535");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            return ChainCli.WithClientAsync(r, url, (chain, token) => SignAndSetAsync(r, chain, client, uidList, valueList, r.GetValue(version), token), ct);
        });
        return command;
    }

    private static async Task<int> SignAndSetAsync(
        ParseResult r, IChain chain, SignerClientCliOptions client, ushort[] uids, ushort[] values, ulong versionKey, CancellationToken ct)
    {
        var (signer, exit) = await client.ConnectAsync(r, "sn19 chain weights set", ct);
        if (signer is null)
        {
            return exit;
        }

        try
        {
            var metagraph = await chain.GetMetagraphAsync(ct);
            if (!metagraph.IsOk)
            {
                return ChainCli.Refused(r, metagraph.Error);
            }

            var address = signer.HotkeyAddress;
            if (metagraph.Value!.Neurons.FirstOrDefault(n => n.Hotkey == address) is not { } self)
            {
                return ChainCli.Refused(r, new ChainError(ChainErrorCode.NotRegistered, $"hotkey {address} ({client.Hotkey(r)}) is not registered on netuid {metagraph.Value.Netuid}"));
            }

            var weights = new WeightsToSign(metagraph.Value.Netuid, uids, values, versionKey, self.LastUpdate);
            var signed = await signer.SignWeightsAsync(weights, ct);
            if (!signed.IsSigned)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"sn19 chain weights set: the signer refused ({signed.Refusal}): {signed.Message}");
                return signed.Refusal == SignRefusal.Unavailable ? ExitCodes.Failure : ExitCodes.UsageOrInput;
            }

            var result = await chain.SetWeightsAsync(new SignedWeights(address, weights, signed.Signature), ct);
            if (!result.IsOk)
            {
                return ChainCli.Refused(r, result.Error);
            }

            await r.InvocationConfiguration.Output.WriteLineAsync($"weights of {address} set on {uids.Length} uids");
            return ExitCodes.Ok;
        }
        finally
        {
            await SignerClientCliOptions.DisconnectAsync(signer);
        }
    }
}
