namespace Sn19.Actors.Chain.Subtensor.Extrinsics;

using System.Text.Json.Nodes;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Sodium;
using Sn19.Actors.Signing;

/// <summary>
/// Sends one call of the signer's hotkey and watches it to its block: the call built from the metadata at the finalized
/// head, a mortal era of <see cref="EraPeriod"/> blocks born there, the nonce from <c>system_accountNextIndex</c>, the
/// payload signed by the signer, then <c>author_submitExtrinsic</c>. Each new block is searched for the extrinsic's bytes
/// until the era ends or <paramref name="timeout"/> passes; the block's <c>System.Events</c> for its index say whether the
/// runtime dispatched it or which error it returned. One submitter serves one hotkey: it sends one extrinsic at a time
/// from reading the nonce to handing it to the node, so two calls (weights, a reveal) never take the same nonce.
/// </summary>
public sealed class ExtrinsicSubmitter(SubtensorNode node, IHotkeySigner signer, TimeSpan timeout, TimeSpan pollInterval)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>The era's length in blocks (the Bittensor SDK's choice: about 25 minutes at 12-second blocks).</summary>
    public const ulong EraPeriod = 128;

    public async Task<ExtrinsicOutcome> SubmitAsync(string pallet, string call, JsonObject arguments, CancellationToken cancellationToken)
    {
        ulong from;
        ExtrinsicEra era;
        string extrinsicHex;
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var sent = await SendAsync(pallet, call, arguments, cancellationToken);
            if (sent.Failure is not null)
            {
                return sent.Failure;
            }

            (from, era, extrinsicHex) = (sent.From, sent.Era!, sent.Hex!);
        }
        finally
        {
            _sending.Release();
        }

        return await WatchAsync(extrinsicHex, from, era.BirthBlock + EraPeriod, $"{pallet}.{call}", cancellationToken);
    }

    /// <summary>Builds, signs and hands the extrinsic to the node; the first block to search, the era and the bytes, or why not.</summary>
    private async Task<(ExtrinsicOutcome? Failure, ulong From, ExtrinsicEra? Era, string? Hex)> SendAsync(
        string pallet, string call, JsonObject arguments, CancellationToken cancellationToken)
    {
        var finalized = await node.HeadAsync(finalized: true, cancellationToken);
        var runtime = await node.RuntimeAsync(finalized.Hash, cancellationToken);
        var metadata = runtime.Metadata;
        var era = ExtrinsicEra.Mortal(EraPeriod, finalized.Number);
        var eraHash = era.BirthBlock == finalized.Number ? finalized.Hash : await node.BlockHashAsync(era.BirthBlock, cancellationToken) ?? finalized.Hash;
        var context = new ExtrinsicContext(
            await node.NextNonceAsync(signer.HotkeyAddress, cancellationToken), era, SubtensorNode.Bytes(eraHash),
            SubtensorNode.Bytes(await node.GenesisHashAsync(cancellationToken)), runtime.SpecVersion, runtime.TransactionVersion);
        var callBytes = SignedExtrinsic.Call(metadata, pallet, call, arguments);
        var signed = await signer.SignExtrinsicAsync(SignedExtrinsic.Payload(metadata, callBytes, context), cancellationToken);
        if (!signed.IsSigned)
        {
            return (ExtrinsicOutcome.Failed(0, $"the signer refused {pallet}.{call}: {signed.Refusal}: {signed.Message}"), 0, null, null);
        }

        if (!Ss58.TryDecode(signer.HotkeyAddress, out var publicKey, out _))
        {
            return (ExtrinsicOutcome.Failed(0, $"the signer's address {signer.HotkeyAddress} is not SS58"), 0, null, null);
        }

        var extrinsic = SignedExtrinsic.Encode(metadata, callBytes, publicKey, signed.Signature.Span, context);
        var best = await node.HeadAsync(finalized: false, cancellationToken);
        try
        {
            await node.SubmitAsync(extrinsic, cancellationToken);
        }
        catch (SubtensorRpcException refused)
        {
            return (ExtrinsicOutcome.Failed(0, $"the node refused {pallet}.{call}: {refused.Message}"), 0, null, null);
        }

        return (null, best.Number + 1, era, "0x" + Convert.ToHexStringLower(extrinsic));
    }

    /// <summary>Searches each block from <paramref name="from"/> for the extrinsic, until the era ends or the time is up.</summary>
    private async Task<ExtrinsicOutcome> WatchAsync(string extrinsicHex, ulong from, ulong eraEnd, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var next = from;
        try
        {
            while (next < eraEnd)
            {
                var hash = await node.BlockHashAsync(next, deadline.Token);
                if (hash is null)
                {
                    await Task.Delay(pollInterval, deadline.Token);
                    continue;
                }

                var extrinsics = await node.ExtrinsicsAsync(hash, deadline.Token);
                var index = FindIndex(extrinsics, extrinsicHex);
                if (index >= 0)
                {
                    return await OutcomeAsync(hash, next, index, what, deadline.Token);
                }

                next++;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ExtrinsicOutcome.Failed(0, $"{what} was not in any block within {timeout.TotalSeconds:F0} s (searched up to block {next})") with
            {
                MayHaveLanded = true,
            };
        }

        return ExtrinsicOutcome.Failed(0, $"{what} was not included before its era ended at block {eraEnd}");
    }

    private static int FindIndex(IReadOnlyList<string> extrinsics, string extrinsicHex)
    {
        for (var i = 0; i < extrinsics.Count; i++)
        {
            if (string.Equals(extrinsics[i], extrinsicHex, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The extrinsic's <c>ExtrinsicSuccess</c> or <c>ExtrinsicFailed</c> among the block's events.</summary>
    private async Task<ExtrinsicOutcome> OutcomeAsync(string blockHash, ulong number, int index, string what, CancellationToken cancellationToken)
    {
        var metadata = (await node.RuntimeAsync(blockHash, cancellationToken)).Metadata;
        var stored = (await node.StorageAsync([SubtensorStorage.Key(metadata, "System", "Events")], blockHash, cancellationToken))[0];
        var events = SubtensorStorage.Decode(metadata, "System", "Events", stored) as JsonArray ?? [];
        foreach (var record in events)
        {
            if (record?["phase"]?["ApplyExtrinsic"]?.GetValue<uint>() != (uint)index || record["event"]?["System"] is not JsonObject system)
            {
                continue;
            }

            if (system.ContainsKey("ExtrinsicSuccess"))
            {
                return ExtrinsicOutcome.Included(number);
            }

            if (system["ExtrinsicFailed"] is JsonObject failed)
            {
                return ExtrinsicOutcome.Failed(number, DispatchErrors.Describe(metadata, failed["dispatch_error"]));
            }
        }

        return ExtrinsicOutcome.Failed(number, $"{what} is in block {number}, but its events say neither success nor failure");
    }
}
