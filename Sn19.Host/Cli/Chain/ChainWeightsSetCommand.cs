namespace Sn19.Host.Cli.Chain;

using System.CommandLine;
using Sn19.Actors.Chain;
using Sn19.Actors.Signing;
using Sn19.Host.Signer;

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
        var defaults = new SignerClientOptions();
        var uids = new Option<string>("--uids") { Description = "comma-separated uids, e.g. 3,4,5", Required = true };
        var values = new Option<string>("--values") { Description = "comma-separated u16 weights, one per uid", Required = true };
        var version = new Option<ulong>("--version-key") { Description = "the validator's version key", DefaultValueFactory = _ => 0 };
        var socket = new Option<string>("--socket-path") { Description = "The signer's socket", DefaultValueFactory = _ => defaults.SocketPath };
        var name = new Option<string>("--name") { Description = "Client name in the signer's tokens file (granted the weights kind)", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "File holding the client's token (mode 0600)", Required = true };
        var hotkey = new Option<string>("--hotkey") { Description = "WALLET/HOTKEY the signer signs with", DefaultValueFactory = _ => defaults.Hotkey };
        var command = new Command(
            "set", "Set a hotkey's weights, signed by the hotkey through a running signer (u16 values; the chain max-upscales them so the largest is 65535)");
        foreach (var option in new Option[] { uids, values, version, socket, name, tokenFile, hotkey })
        {
            command.Options.Add(option);
        }

        var url = ChainCli.AddClientOptions(command);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (!ChainWeightsCommand.TryParseList(r.GetValue(uids), out var uidList) || !ChainWeightsCommand.TryParseList(r.GetValue(values), out var valueList))
            {
                r.InvocationConfiguration.Error.WriteLine("sn19 chain weights set: --uids and --values must be comma-separated integers 0-65535");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            var signerOptions = new SignerClientOptions
            {
                SocketPath = r.GetValue(socket)!,
                Name = r.GetValue(name)!,
                TokenFile = r.GetValue(tokenFile)!,
                Hotkey = r.GetValue(hotkey)!,
            };
            return ChainCli.WithClientAsync(r, url, (chain, token) => SignAndSetAsync(r, chain, signerOptions, uidList, valueList, r.GetValue(version), token), ct);
        });
        return command;
    }

    private static async Task<int> SignAndSetAsync(
        ParseResult r, IChain chain, SignerClientOptions signerOptions, ushort[] uids, ushort[] values, ulong versionKey, CancellationToken ct)
    {
        var error = r.InvocationConfiguration.Error;
        var (signer, problem) = await HotkeySigners.ConnectAsync(signerOptions, ct);
        if (signer is null)
        {
            await error.WriteLineAsync($"sn19 chain weights set: {problem}");
            return problem.Contains("unreachable", StringComparison.Ordinal) ? ExitCodes.Failure : ExitCodes.UsageOrInput;
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
                return ChainCli.Refused(r, new ChainError(ChainErrorCode.NotRegistered, $"hotkey {address} ({signerOptions.Hotkey}) is not registered on netuid {metagraph.Value.Netuid}"));
            }

            var weights = new WeightsToSign(metagraph.Value.Netuid, uids, values, versionKey, self.LastUpdate);
            var signed = await signer.SignWeightsAsync(weights, ct);
            if (!signed.IsSigned)
            {
                await error.WriteLineAsync($"sn19 chain weights set: the signer refused ({signed.Refusal}): {signed.Message}");
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
            if (signer is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
