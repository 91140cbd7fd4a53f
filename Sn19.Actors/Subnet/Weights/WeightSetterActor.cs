namespace Sn19.Actors.Subnet.Weights;

using Sn19.Actors.Chain;
using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// The singleton that sets weights. On its epoch timer:
///   1. read the metagraph (hotkey → uid at this moment, own last update, rate limit);
///   2. gather every contender's aggregate for the enabled tasks;
///   3. compute weights, map them to uids by hotkey, quantise to u16;
///   4. unless the chain's rate limit forbids it now, have the signer sign the submission (against the
///      hotkey's last update, so the chain takes it once) and submit it with the version key;
///   5. keep the round and its outcome in a bounded history for operators.
/// </summary>
internal sealed class WeightSetterActor(
    IChain chain,
    IHotkeySigner signer,
    IContenderGateway contenders,
    TaskRegistryHolder tasks,
    MechanismOptions options) : Actor<WeightSetterMessage>, IIntrospectable
{
    private const string EpochTimer = "epoch";

    private readonly LinkedList<WeightHistoryEntry> _history = new();
    private long _round;

    protected override Task StartedAsync(CancellationToken cancellationToken)
    {
        Context.Timers.StartPeriodic(EpochTimer, new WeightTick(), options.Weights.Interval);
        return Task.CompletedTask;
    }

    protected override async Task ReceiveAsync(WeightSetterMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case WeightTick:
                await RunRoundAsync(cancellationToken);
                break;
            case SetWeightsNow now:
                now.ReplyTo.Reply(await RunRoundAsync(cancellationToken));
                break;
            case GetWeightsHistory get:
                get.ReplyTo.Reply([.. _history.Take(Math.Max(get.Limit, 0))]);
                break;
        }
    }

    public object Summary() => new
    {
        rounds = _round,
        last = _history.First?.Value is { } e ? new { e.Round.Round, e.Round.At, Status = e.Status.ToString(), e.Detail, e.Block, Miners = e.Round.Miners.Count } : null,
    };

    private async Task<WeightHistoryEntry> RunRoundAsync(CancellationToken ct)
    {
        var now = Context.Time.GetUtcNow();
        var metagraphResult = await chain.GetMetagraphAsync(ct);
        if (!metagraphResult.IsOk)
        {
            var empty = new WeightRoundRecord(_round++, now, [], [], []);
            return Remember(new WeightHistoryEntry(empty, WeightSubmissionStatus.ChainUnavailable, metagraphResult.Error?.ToString(), 0));
        }

        var metagraph = metagraphResult.Value!;
        var neurons = metagraph.Neurons.Select(n => new NeuronIdentity(n.Uid, n.Hotkey)).ToList();
        var registry = tasks.Current;
        var aggregates = new List<ContenderAggregate>();
        foreach (var key in await contenders.KeysAsync(ct))
        {
            if (registry.FindEnabled(key.TaskId) is { } task)
            {
                aggregates.Add(await contenders.AggregateAsync(key, now, task.QualitySquareExempt, ct));
            }
        }

        var round = WeightRound.Compute(_round++, now, registry.Weights, aggregates, neurons, options);
        return Remember(await SubmitAsync(round, metagraph, ct));
    }

    private async Task<WeightHistoryEntry> SubmitAsync(WeightRoundRecord round, Metagraph metagraph, CancellationToken ct)
    {
        if (round.Weights.Count == 0)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.NothingToSet, "every weight is zero", metagraph.Block);
        }

        var hotkey = signer.HotkeyAddress;
        var self = metagraph.Neurons.FirstOrDefault(n => n.Hotkey == hotkey);
        if (self is null)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.NotRegistered, $"{hotkey} has no uid", metagraph.Block);
        }

        var since = metagraph.Block - Math.Min(self.LastUpdate, metagraph.Block);
        if (self.LastUpdate > 0 && since < metagraph.Hyperparameters.WeightsRateLimit)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.RateLimited,
                $"{since} blocks since the last update, the chain allows one every {metagraph.Hyperparameters.WeightsRateLimit}", metagraph.Block);
        }

        var weights = new WeightsToSign(
            metagraph.Netuid, [.. round.Weights.Select(w => w.Uid)], [.. round.Weights.Select(w => w.Value)], (ulong)options.Weights.VersionKey, self.LastUpdate);
        var signed = await signer.SignWeightsAsync(weights, ct);
        if (!signed.IsSigned)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.SignerRefused, $"{signed.Refusal}: {signed.Message}", metagraph.Block);
        }

        var result = await chain.SetWeightsAsync(new SignedWeights(hotkey, weights, signed.Signature), ct);
        return result.IsOk
            ? new WeightHistoryEntry(round, WeightSubmissionStatus.Submitted, null, metagraph.Block)
            : new WeightHistoryEntry(round, WeightSubmissionStatus.Refused, result.Error?.ToString(), metagraph.Block);
    }

    private WeightHistoryEntry Remember(WeightHistoryEntry entry)
    {
        _history.AddFirst(entry);
        while (_history.Count > options.Weights.History)
        {
            _history.RemoveLast();
        }

        SubnetLog.WeightRound(Context.Logger, entry.Round.Round, entry.Status, entry.Round.Weights.Count, entry.Detail ?? "");
        return entry;
    }
}
