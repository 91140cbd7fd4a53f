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

        // Kept before it is sent, with the window of the next block: a commit that lands while its watch fails
        // (a dropped connection, a slow block) must still be revealed. Only a certain failure removes it.
        var expected = (await node.HeadAsync(finalized: false, cancellationToken)).Number + 1;
        var pending = Pending(weights, salt, expected, hyperparameters);
        store.Add(pending);
        var outcome = await submitter.SubmitAsync(Pallet, "commit_weights", call, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (!outcome.MayHaveLanded)
            {
                store.Remove(pending);
            }
            else
            {
                EnsureLoop();
            }

            return ChainResult<bool>.Fail(SubtensorErrors.Code(outcome.Error!), outcome.Error!);
        }

        if (outcome.Block != expected)
        {
            store.Remove(pending);
            pending = Pending(weights, salt, outcome.Block, hyperparameters);
            store.Add(pending);
        }

        options.Logger?.LogInformation("weights committed in block {Block}; reveal in blocks {First}-{Last}", outcome.Block, pending.FirstBlock, pending.LastBlock);
        EnsureLoop();
        return ChainResult<bool>.Ok(true);
    }

    private PendingReveal Pending(WeightsToSign weights, ushort[] salt, ulong commitBlock, SubnetHyperparameters hyperparameters)
    {
        var (first, last) = WeightCommit.RevealWindow(commitBlock, weights.Netuid, hyperparameters.Tempo, hyperparameters.RevealPeriodEpochs);
        return new PendingReveal(signer.HotkeyAddress, weights.Netuid, weights.Uids, weights.Values, salt, weights.VersionKey, commitBlock, first, last);
    }

    /// <summary>Starts the reveal loop when reveals are pending (also after a restart) and none runs.</summary>
    public void EnsureLoop()
    {
        lock (_gate)
        {
            if (options.AutoReveal && (_loop is null || _loop.IsCompleted) && store.All().Any(r => r.Hotkey == signer.HotkeyAddress) && !_stopping.IsCancellationRequested)
            {
                _loop = Task.Run(async () =>
                {
                    while (true)
                    {
                        await RevealLoopAsync(_stopping.Token);
                        lock (_gate)
                        {
                            // Decided under the lock EnsureLoop takes: a commit stored while the loop was ending is
                            // either seen here or starts a loop of its own.
                            if (_stopping.IsCancellationRequested || !store.All().Any(r => r.Hotkey == signer.HotkeyAddress))
                            {
                                _loop = null;
                                return;
                            }
                        }
                    }
                });
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
            catch (Exception error)
            {
                // The loop's own failures are in LastProblem and the log; disposing goes on.
                LastProblem = error.Message;
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
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong (the node away, an answer that does not read), the reveal is still pending:
                // look again a little later rather than leave it until the next commit.
                LastProblem = error.Message;
                options.Logger?.LogWarning("the revealer will look again in {Delay}: {Problem}", options.RevealPoll, error.Message);
                await Task.Delay(options.RevealPoll, cancellationToken);
            }
        }
    }
}
