namespace Sn19.Actors.Subnet.Weights;

using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain;
using Sn19.Actors.Hosting;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;
using Sn19.Actors.Signing;
using Sn19.Actors.Subnet.Contenders;
using Sn19.Actors.Subnet.Tasks;

/// <summary>
/// The one place weights are set: a round runs when a period has closed (the coordinator's
/// <see cref="SetWeightsNow"/>, so the round sees that period's scores and checks), never on a timer of its own:
///   1. read the metagraph (hotkey → uid at this moment, own last update, rate limit);
///   2. gather every contender's aggregate for the enabled tasks;
///   3. compute weights, map them to uids by hotkey, quantise to u16;
///   4. unless the chain's rate limit forbids it now, have the signer sign the submission (against the
///      hotkey's last update, so the chain takes it once) and submit it with the version key;
///   5. journal the round and its outcome, so the history and the round numbers carry on after a restart.
///      Every <c>weights.history</c> rounds a snapshot holds the kept history and the journal before it is
///      deleted: a round with its full breakdown is ~100 bytes per contender, so the journal stays bounded.
/// </summary>
/// <remarks>A round awaits the chain and the signer inside the actor (<c>CommandAsync</c>): messages wait
/// meanwhile, so two rounds never overlap and the history stays in order.</remarks>
internal sealed class WeightSetterActor : ReceivePersistentActor, IDescribedActor
{
    private readonly IChain _chain;
    private readonly IHotkeySigner _signer;
    private readonly IContenderGateway _contenders;
    private readonly TaskRegistryHolder _tasks;
    private readonly MechanismOptions _options;
    private readonly ILogger _logger;
    private readonly LinkedList<WeightHistoryEntry> _history = new();
    private long _round;

    public WeightSetterActor(
        IChain chain, IHotkeySigner signer, IContenderGateway contenders, TaskRegistryHolder tasks, MechanismOptions options, ILogger logger)
    {
        _chain = chain;
        _signer = signer;
        _contenders = contenders;
        _tasks = tasks;
        _options = options;
        _logger = logger;
        PersistenceId = $"weight-setter/{signer.HotkeyAddress}";

        Recover<SnapshotOffer>(offer => Restore((WeightSetterSnapshot)offer.Snapshot));
        Recover<WeightRoundRecorded>(recorded => Apply(recorded.Entry));

        CommandAsync<SetWeightsNow>(async _ =>
        {
            var replyTo = Sender;
            Record(await RunRoundAsync(CancellationToken.None), replyTo);
        });
        Command<GetWeightsHistory>(get => Sender.Tell((IReadOnlyList<WeightHistoryEntry>)[.. _history.Take(Math.Max(get.Limit, 0))]));
        Command<DescribeActor>(_ => Sender.Tell(new ActorDescription(Summary(), PersistenceId, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(saved =>
        {
            DeleteMessages(saved.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1));
        });
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props Props(
        IChain chain, IHotkeySigner signer, IContenderGateway contenders, TaskRegistryHolder tasks, MechanismOptions options, ILogger logger) =>
        Akka.Actor.Props.Create(() => new WeightSetterActor(chain, signer, contenders, tasks, options, logger));

    /// <summary>Registers the weight setter's event and snapshot under stable manifest names.</summary>
    public static void Register(EventTypeRegistry events)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.Register<WeightRoundRecorded>("weights.round-recorded")
            .Register<WeightSetterSnapshot>("weights.snapshot");
    }

    private object Summary() => new
    {
        rounds = _round,
        last = _history.First?.Value is { } e ? new { e.Round.Round, e.Round.At, Status = e.Status.ToString(), e.Detail, e.Block, Miners = e.Round.Miners.Count } : null,
    };

    private async Task<WeightHistoryEntry> RunRoundAsync(CancellationToken ct)
    {
        var now = Context.System.Scheduler.Now;
        var metagraphResult = await _chain.GetMetagraphAsync(ct);
        if (!metagraphResult.IsOk)
        {
            var empty = new WeightRoundRecord(_round, now, [], [], []);
            return new WeightHistoryEntry(empty, WeightSubmissionStatus.ChainUnavailable, metagraphResult.Error?.ToString(), 0);
        }

        var metagraph = metagraphResult.Value!;
        var neurons = metagraph.Neurons.Select(n => new NeuronIdentity(n.Uid, n.Hotkey)).ToList();
        var registry = _tasks.Current;
        var aggregates = new List<ContenderAggregate>();
        foreach (var key in await _contenders.KeysAsync(ct))
        {
            if (registry.FindEnabled(key.TaskId) is { } task)
            {
                aggregates.Add(await _contenders.AggregateAsync(key, now, task.QualitySquareExempt, ct));
            }
        }

        var round = WeightRound.Compute(_round, now, registry.Weights, aggregates, neurons, _options);
        return await SubmitAsync(round, metagraph, ct);
    }

    private async Task<WeightHistoryEntry> SubmitAsync(WeightRoundRecord round, Metagraph metagraph, CancellationToken ct)
    {
        if (round.Weights.Count == 0)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.NothingToSet, "every weight is zero", metagraph.Block);
        }

        var hotkey = _signer.HotkeyAddress;
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
            metagraph.Netuid, [.. round.Weights.Select(w => w.Uid)], [.. round.Weights.Select(w => w.Value)], (ulong)_options.Weights.VersionKey, self.LastUpdate);
        var signed = await _signer.SignWeightsAsync(weights, ct);
        if (!signed.IsSigned)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.SignerRefused, $"{signed.Refusal}: {signed.Message}", metagraph.Block);
        }

        var result = await _chain.SetWeightsAsync(new SignedWeights(hotkey, weights, signed.Signature), ct);
        return result.IsOk
            ? new WeightHistoryEntry(round, WeightSubmissionStatus.Submitted, null, metagraph.Block)
            : new WeightHistoryEntry(round, WeightSubmissionStatus.Refused, result.Error?.ToString(), metagraph.Block);
    }

    /// <summary>Journals the round, then keeps it and answers; the round number is taken once it is journaled.</summary>
    private void Record(WeightHistoryEntry entry, IActorRef? replyTo)
    {
        Persist(new WeightRoundRecorded(entry), recorded =>
        {
            Apply(recorded.Entry);
            SubnetLog.WeightRound(_logger, entry.Round.Round, entry.Status, entry.Round.Weights.Count, entry.Detail ?? "");
            replyTo?.Tell(entry);
            if (LastSequenceNr % _options.Weights.History == 0)
            {
                SaveSnapshot(new WeightSetterSnapshot(_round, [.. _history]));
            }
        });
    }

    private void Apply(WeightHistoryEntry entry)
    {
        _round = Math.Max(_round, entry.Round.Round + 1);
        _history.AddFirst(entry);
        while (_history.Count > _options.Weights.History)
        {
            _history.RemoveLast();
        }
    }

    private void Restore(WeightSetterSnapshot snapshot)
    {
        _round = snapshot.NextRound;
        _history.Clear();
        foreach (var entry in snapshot.History)
        {
            _history.AddLast(entry);
        }
    }
}
