namespace Sn19.Actors.Chain.Subtensor;

using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.CommitReveal;
using Sn19.Actors.Chain.Subtensor.Extrinsics;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// One subnet of a Subtensor (Bittensor) chain behind <see cref="IChain"/>. Reads go to the node's best block: the
/// metagraph from <c>NeuronInfoRuntimeApi.get_neurons_lite</c>, hyperparameters and weights from storage. Weights and the
/// axon are signed extrinsics of the node's own hotkey, signed by its signer (<see cref="SignKinds.Extrinsic"/>) and
/// watched to their block; the runtime's refusal comes back by name. Registering and staking spend a coldkey's TAO, which
/// Sn19 never holds: they are refused here with a pointer to btcli. A node that cannot be reached is
/// <see cref="ChainErrorCode.Unavailable"/>, as for the local chain.
/// </summary>
public sealed class SubtensorChain(SubtensorNode node, ushort netuid, IHotkeySigner? signer, SubtensorChainOptions options) : IChain, IAsyncDisposable
{
    private const string Pallet = "SubtensorModule";

    /// <summary>The hotkey's extrinsic sender (one at a time) and revealer; none without a signer.</summary>
    private readonly (ExtrinsicSubmitter Submitter, CommitRevealer Revealer)? _signed = Start(node, signer, options);

    /// <summary>Commits and reveals weights where the subnet requires commit-reveal; null without a signer.</summary>
    public CommitRevealer? Revealer => _signed?.Revealer;

    public ushort Netuid => netuid;

    public Task<ChainResult<ulong>> GetBlockAsync(CancellationToken cancellationToken) =>
        Guard(async ct => ChainResult<ulong>.Ok((await node.HeadAsync(finalized: false, ct)).Number), cancellationToken);

    public Task<ChainResult<SubnetHyperparameters>> GetHyperparametersAsync(CancellationToken cancellationToken) =>
        Guard(async ct =>
        {
            var head = await node.HeadAsync(finalized: false, ct);
            var runtime = await node.RuntimeAsync(head.Hash, ct);
            var (hyperparameters, _, exists) = await SubtensorHyperparameters.ReadAsync(node, runtime.Metadata, netuid, head.Hash, ct);
            return exists ? ChainResult<SubnetHyperparameters>.Ok(hyperparameters) : NoSubnet<SubnetHyperparameters>(head);
        }, cancellationToken);

    public Task<ChainResult<Metagraph>> GetMetagraphAsync(CancellationToken cancellationToken) =>
        Guard(async ct =>
        {
            var head = await node.HeadAsync(finalized: false, ct);
            var metadata = (await node.RuntimeAsync(head.Hash, ct)).Metadata;
            var (hyperparameters, lastEpoch, exists) = await SubtensorHyperparameters.ReadAsync(node, metadata, netuid, head.Hash, ct);
            if (!exists)
            {
                return NoSubnet<Metagraph>(head);
            }

            var neurons = await NeuronsLite.ReadAsync(node, metadata, netuid, head.Hash, ct);
            return ChainResult<Metagraph>.Ok(new Metagraph(netuid, head.Number, lastEpoch, hyperparameters, [.. neurons.OrderBy(n => n.Uid)]));
        }, cancellationToken);

    public Task<ChainResult<ushort>> RegisterAsync(string hotkey, string coldkey, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ushort>.Fail(ChainErrorCode.Unsupported,
            $"registering on a Subtensor chain burns the coldkey's TAO, which Sn19 never holds: register {hotkey} on netuid {netuid} with `btcli subnets register`, then start again"));

    public Task<ChainResult<ulong>> AddStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ulong>.Fail(ChainErrorCode.Unsupported, "staking on a Subtensor chain is signed by the coldkey: use `btcli stake add`"));

    public Task<ChainResult<ulong>> RemoveStakeAsync(string coldkey, string hotkey, ulong amountRao, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<ulong>.Fail(ChainErrorCode.Unsupported, "unstaking on a Subtensor chain is signed by the coldkey: use `btcli stake remove`"));

    public Task<ChainResult<IReadOnlyList<EpochSummary>>> GetEpochsAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult(ChainResult<IReadOnlyList<EpochSummary>>.Fail(ChainErrorCode.Unsupported,
            "a Subtensor node keeps no epoch history Sn19 can read; see the metagraph's incentive and dividends (`sn19 chain metagraph`)"));

    public Task<ChainResult<bool>> ServeAxonAsync(string hotkey, string ip, int port, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(ip, out var address) || port is <= 0 or > ushort.MaxValue)
        {
            return Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.InvalidAxon, $"{ip}:{port} is not an IP address and port"));
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var call = new JsonObject
        {
            ["netuid"] = netuid,
            ["version"] = 1,
            // The address as an integer, big-endian, as the SDK and fiber post it.
            ["ip"] = new BigInteger(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["port"] = port,
            ["ip_type"] = v6 ? 6 : 4,
            ["protocol"] = 4,
            ["placeholder1"] = 0,
            ["placeholder2"] = 0,
        };
        return SubmitAsync(hotkey, "serve_axon", call, cancellationToken);
    }

    public async Task<ChainResult<bool>> SetWeightsAsync(SignedWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (signer is not null && weights.Hotkey == signer.HotkeyAddress && weights.Weights.Netuid == netuid)
        {
            var hyperparameters = await GetHyperparametersAsync(cancellationToken);
            if (!hyperparameters.IsOk)
            {
                return ChainResult<bool>.Fail(hyperparameters.Error!);
            }

            if (hyperparameters.Value!.CommitRevealEnabled)
            {
                // The subnet hides weights until the reveal window: commit now, the revealer reveals later.
                return await Guard(ct => Revealer!.CommitAsync(weights.Weights, hyperparameters.Value, ct), cancellationToken);
            }
        }

        return await SetInTheClearAsync(weights, cancellationToken);
    }

    private Task<ChainResult<bool>> SetInTheClearAsync(SignedWeights weights, CancellationToken cancellationToken)
    {
        var call = new JsonObject
        {
            ["netuid"] = weights.Weights.Netuid,
            ["dests"] = new JsonArray([.. weights.Weights.Uids.Select(u => (JsonNode)u)]),
            ["weights"] = new JsonArray([.. weights.Weights.Values.Select(v => (JsonNode)v)]),
            ["version_key"] = weights.Weights.VersionKey,
        };
        return weights.Weights.Netuid != netuid
            ? Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.BadSignature, $"the weights are for netuid {weights.Weights.Netuid}, this chain client serves {netuid}"))
            : SubmitAsync(weights.Hotkey, "set_weights", call, cancellationToken);
    }

    public Task<ChainResult<IReadOnlyList<WeightsRow>>> GetWeightsAsync(CancellationToken cancellationToken) =>
        Guard(async ct =>
        {
            var head = await node.HeadAsync(finalized: false, ct);
            var metadata = (await node.RuntimeAsync(head.Hash, ct)).Metadata;
            var id = JsonValue.Create(netuid);
            var count = (await node.StorageAsync([SubtensorStorage.Key(metadata, Pallet, "SubnetworkN", id)], head.Hash, ct))[0];
            var n = (ushort)(SubtensorStorage.Decode(metadata, Pallet, "SubnetworkN", count)?.GetValue<ushort>() ?? 0);
            var keys = new List<byte[]> { SubtensorStorage.Key(metadata, Pallet, "LastUpdate", id) };
            for (ushort uid = 0; uid < n; uid++)
            {
                keys.Add(SubtensorStorage.Key(metadata, Pallet, "Keys", id, JsonValue.Create(uid)));
                keys.Add(SubtensorStorage.Key(metadata, Pallet, "Weights", id, JsonValue.Create(uid)));
            }

            var stored = await node.StorageAsync(keys, head.Hash, ct);
            var lastUpdate = SubtensorStorage.Decode(metadata, Pallet, "LastUpdate", stored[0]) as JsonArray ?? [];
            var rows = new List<WeightsRow>(n);
            for (ushort uid = 0; uid < n; uid++)
            {
                var hotkey = SubtensorStorage.Decode(metadata, Pallet, "Keys", stored[1 + (2 * uid)])?.GetValue<string>() ?? "0x" + new string('0', 64);
                var row = SubtensorStorage.Decode(metadata, Pallet, "Weights", stored[2 + (2 * uid)]) as JsonArray ?? [];
                rows.Add(new WeightsRow(
                    uid,
                    Ss58.Encode(SubtensorNode.Bytes(hotkey)),
                    uid < lastUpdate.Count ? lastUpdate[uid]!.GetValue<ulong>() : 0,
                    [.. row.Select(p => new UidValue(p![0]!.GetValue<ushort>(), p[1]!.GetValue<ushort>()))]));
            }

            return ChainResult<IReadOnlyList<WeightsRow>>.Ok(rows);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Revealer is not null)
        {
            await Revealer.DisposeAsync();
        }

        await node.DisposeAsync();
    }

    /// <summary>The sender and the revealer, which is already revealing any commit a run before a restart left pending.</summary>
    private static (ExtrinsicSubmitter, CommitRevealer)? Start(SubtensorNode node, IHotkeySigner? signer, SubtensorChainOptions options)
    {
        if (signer is null)
        {
            return null;
        }

        var submitter = new ExtrinsicSubmitter(node, signer, options.InclusionTimeout, options.PollInterval);
        var revealer = new CommitRevealer(node, signer, submitter, new PendingRevealStore(options.RevealFile), options);
        revealer.EnsureLoop();
        return (submitter, revealer);
    }

    /// <summary>Signs and submits a call of the node's own hotkey, and waits for its block.</summary>
    private Task<ChainResult<bool>> SubmitAsync(string hotkey, string call, JsonObject arguments, CancellationToken cancellationToken)
    {
        if (signer is null)
        {
            return Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.Unsupported,
                $"{call} on a Subtensor chain is an extrinsic signed by the hotkey, and this process has no signer (set signer.client)"));
        }

        if (hotkey != signer.HotkeyAddress)
        {
            return Task.FromResult(ChainResult<bool>.Fail(ChainErrorCode.BadSignature, $"{call} for {hotkey}, but the signer signs for {signer.HotkeyAddress}"));
        }

        return Guard(async ct =>
        {
            var outcome = await _signed!.Value.Submitter.SubmitAsync(Pallet, call, arguments, ct);
            return outcome.Succeeded ? ChainResult<bool>.Ok(true) : ChainResult<bool>.Fail(SubtensorErrors.Code(outcome.Error!), outcome.Error!);
        }, cancellationToken);
    }

    private static ChainResult<T> NoSubnet<T>(SubtensorBlock head) =>
        ChainResult<T>.Fail(ChainErrorCode.Unavailable, $"the chain has no subnet with this netuid at block {head.Number}");

    /// <summary>A node that cannot be reached or answers what cannot be read is <see cref="ChainErrorCode.Unavailable"/>.</summary>
    private static async Task<ChainResult<T>> Guard<T>(Func<CancellationToken, Task<ChainResult<T>>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (Exception error) when (error is SubtensorRpcException or Scale.ScaleFormatException or KeyNotFoundException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or System.Text.Json.JsonException)
        {
            // Also what a runtime that renamed a call's arguments or a storage item's type gives: the message names it.
            return ChainResult<T>.Fail(ChainErrorCode.Unavailable, error.Message);
        }
        catch (IOException error)
        {
            return ChainResult<T>.Fail(ChainErrorCode.Unavailable, $"the pending-reveals file: {error.Message}");
        }
    }
}
