namespace Sn19.Actors.Chain.Subtensor.CommitReveal;

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain.Subtensor.Extrinsics;
using Sn19.Actors.Chain.Subtensor.Rpc;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;

/// <summary>
/// Weights on a subnet that requires commit-reveal (v2, hashed): <see cref="CommitAsync"/> sends <c>commit_weights</c>
/// with the hash of the weights and a random salt, and keeps them in the <see cref="PendingRevealStore"/>; a loop then
/// follows new heads (a subscription) and sends <c>reveal_weights</c> once the reveal window opens. The loop runs only while reveals are
/// pending and stops by itself; a reveal whose window passed is dropped and logged (the chain would refuse it).
/// </summary>
public sealed class CommitRevealer(
    SubtensorNode node, IHotkeySigner signer, ExtrinsicSubmitter submitter, PendingRevealStore store, SubtensorChainOptions options) : IAsyncDisposable
{
    private const string Pallet = "SubtensorModule";

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>The last reveal's refusal, for the operator (null after a reveal lands).</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Commits the weights; the reveal follows in its window.</summary>
    public async Task<ChainResult<bool>> CommitAsync(WeightsToSign weights, SubnetHyperparameters hyperparameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        Ss58.TryDecode(signer.HotkeyAddress, out var publicKey, out _);
        var salt = Enumerable.Range(0, 8).Select(_ => (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1)).ToArray();
        var hash = WeightCommit.Hash(publicKey, weights.Netuid, weights.Uids, weights.Values, salt, weights.VersionKey);
        var call = new JsonObject { ["netuid"] = weights.Netuid, ["commit_hash"] = "0x" + Convert.ToHexStringLower(hash) };
        var outcome = await submitter.SubmitAsync(Pallet, "commit_weights", call, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ChainResult<bool>.Fail(SubtensorErrors.Code(outcome.Error!), outcome.Error!);
        }

        var (first, last) = WeightCommit.RevealWindow(outcome.Block, weights.Netuid, hyperparameters.Tempo, hyperparameters.RevealPeriodEpochs);
        store.Add(new PendingReveal(signer.HotkeyAddress, weights.Netuid, weights.Uids, weights.Values, salt, weights.VersionKey, outcome.Block, first, last));
        options.Logger?.LogInformation("weights committed in block {Block}; reveal in blocks {First}-{Last}", outcome.Block, first, last);
        EnsureLoop();
        return ChainResult<bool>.Ok(true);
    }

    /// <summary>Starts the reveal loop when reveals are pending (also after a restart) and none runs.</summary>
    public void EnsureLoop()
    {
        lock (_gate)
        {
            if (options.AutoReveal && (_loop is null || _loop.IsCompleted) && store.All().Any(r => r.Hotkey == signer.HotkeyAddress) && !_stopping.IsCancellationRequested)
            {
                _loop = Task.Run(() => RevealLoopAsync(_stopping.Token));
            }
        }
    }

    /// <summary>One pass: reveals whatever is due at the head, drops what expired. True while reveals remain.</summary>
    public async Task<bool> RevealDueAsync(CancellationToken cancellationToken)
    {
        var head = await node.HeadAsync(finalized: false, cancellationToken);
        var mine = store.All().Where(r => r.Hotkey == signer.HotkeyAddress).ToList();
        foreach (var reveal in mine)
        {
            if (head.Number > reveal.LastBlock)
            {
                LastProblem = $"the commit of block {reveal.CommitBlock} was not revealed in blocks {reveal.FirstBlock}-{reveal.LastBlock}: dropped";
                options.Logger?.LogWarning("{Problem}", LastProblem);
                store.Remove(reveal);
            }
            else if (head.Number + 1 >= reveal.FirstBlock)
            {
                // The reveal lands in a block after the head: the next one at the earliest.
                var call = new JsonObject
                {
                    ["netuid"] = reveal.Netuid,
                    ["uids"] = new JsonArray([.. reveal.Uids.Select(u => (JsonNode)u)]),
                    ["values"] = new JsonArray([.. reveal.Values.Select(v => (JsonNode)v)]),
                    ["salt"] = new JsonArray([.. reveal.Salt.Select(s => (JsonNode)s)]),
                    ["version_key"] = reveal.VersionKey,
                };
                var outcome = await submitter.SubmitAsync(Pallet, "reveal_weights", call, cancellationToken);
                if (outcome.Succeeded)
                {
                    LastProblem = null;
                    options.Logger?.LogInformation("weights committed in block {Commit} revealed in block {Block}", reveal.CommitBlock, outcome.Block);
                    store.Remove(reveal);
                }
                else
                {
                    LastProblem = $"reveal of the commit of block {reveal.CommitBlock}: {outcome.Error}";
                    options.Logger?.LogWarning("{Problem}", LastProblem);
                }
            }
        }

        return store.All().Any(r => r.Hotkey == signer.HotkeyAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        _stopping.Dispose();
    }

    /// <summary>Looks at every new best block (<c>chain_subscribeNewHeads</c>) until no reveal is pending. When the node is
    /// away it waits <see cref="SubtensorChainOptions.RevealPoll"/> and subscribes again.</summary>
    private async Task RevealLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await RevealDueAsync(cancellationToken))
                {
                    return;
                }

                await foreach (var _ in node.NewHeadsAsync(cancellationToken))
                {
                    if (!await RevealDueAsync(cancellationToken))
                    {
                        return;
                    }
                }
            }
            catch (Exception error) when (error is SubtensorRpcException or Scale.ScaleFormatException)
            {
                // The reveal is still pending: look again once the node is back.
                LastProblem = error.Message;
                await Task.Delay(options.RevealPoll, cancellationToken);
            }
        }
    }
}
