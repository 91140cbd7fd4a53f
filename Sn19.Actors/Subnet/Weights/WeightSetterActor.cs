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
///   4. unless the chain's rate limit forbids it now, journal the intent to submit (<see cref="WeightSubmissionIntended"/>),
///      have the signer sign the submission (against the hotkey's last update, so the chain takes it once) and
///      submit it with the version key;
///   5. journal the round and its outcome, so the history and the round numbers carry on after a restart.
///      Every <c>weights.history</c> rounds a snapshot holds the kept history and the journal before it is
///      deleted: a round with its full breakdown is ~100 bytes per contender, so the journal stays bounded.
/// Weights go to the chain at most once per period across any failover: a period whose round is journaled is
/// answered from the journal, and an intent without its outcome is resolved against the chain's last update.
/// </summary>
/// <remarks>A round awaits the chain and the signer inside the actor (<c>CommandAsync</c>, then <c>RunTask</c>
/// once the intent is journaled): messages wait meanwhile, so two rounds never overlap and the history stays in order.</remarks>
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
    private WeightSubmissionIntended? _pending;

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
        Recover<WeightSubmissionIntended>(intended => _pending = intended);

        CommandAsync<SetWeightsNow>(RunRoundAsync);
        Command<GetWeightsHistory>(get => Sender.Tell(_history.Take(Math.Max(get.Limit, 0)).ToArray()));
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
            .Register<WeightSetterSnapshot>("weights.snapshot")
            .Register<WeightSubmissionIntended>("weights.submission-intended");
    }

    private object Summary() => new
    {
        rounds = _round,
        last = _history.First?.Value is { } e
            ? new { e.Round.Round, e.Round.Period, e.Round.At, Status = e.Status.ToString(), e.Detail, e.Block, Miners = e.Round.Miners.Count }
            : null,
        pending = _pending,
    };

    /// <summary>
    /// The period's round: answered from the journal when it already ran (unless nothing reached the chain then);
    /// else computed, and submitted after its intent is journaled.
    /// </summary>
    private async Task RunRoundAsync(SetWeightsNow set)
    {
        var replyTo = Sender;
        if (_history.FirstOrDefault(e => e.Round.Period == set.Period && !IsTransient(e.Status)) is { } done)
        {
            replyTo.Tell(done);
            return;
        }

        var (entry, submission) = await PrepareAsync(set.Period, CancellationToken.None);
        if (entry is not null)
        {
            Record(entry, replyTo);
            return;
        }

        Persist(
            new WeightSubmissionIntended(set.Period, submission!.Round.Round, submission.Weights.LastUpdate, submission.Block),
            intended =>
            {
                _pending = intended;
                RunTask(async () => Record(await SubmitAsync(submission, CancellationToken.None), replyTo));
            });
    }

    /// <summary>Outcomes where nothing reached the chain: the period's round may run again.</summary>
    private static bool IsTransient(WeightSubmissionStatus status) =>
        status is WeightSubmissionStatus.ChainUnavailable or WeightSubmissionStatus.SignerRefused;

    /// <summary>The round for <paramref name="period"/> and either its final entry (nothing to submit) or the submission to make.</summary>
    private async Task<(WeightHistoryEntry? Entry, WeightSubmission? Submission)> PrepareAsync(long period, CancellationToken ct)
    {
        var now = Context.System.Scheduler.Now;
        var metagraphResult = await _chain.GetMetagraphAsync(ct);
        if (!metagraphResult.IsOk)
        {
            var empty = new WeightRoundRecord(_round, now, [], [], [], period);
            return (new WeightHistoryEntry(empty, WeightSubmissionStatus.ChainUnavailable, metagraphResult.Error?.ToString(), 0), null);
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

        var round = WeightRound.Compute(_round, now, registry.Weights, aggregates, neurons, _options) with { Period = period };
        if (round.Weights.Count == 0)
        {
            return (new WeightHistoryEntry(round, WeightSubmissionStatus.NothingToSet, "every weight is zero", metagraph.Block), null);
        }

        var hotkey = _signer.HotkeyAddress;
        var self = metagraph.Neurons.FirstOrDefault(n => n.Hotkey == hotkey);
        if (self is null)
        {
            return (new WeightHistoryEntry(round, WeightSubmissionStatus.NotRegistered, $"{hotkey} has no uid", metagraph.Block), null);
        }

        if (_pending is { } pending && pending.Period == period && self.LastUpdate != pending.LastUpdate)
        {
            // The node that journaled the intent died before the outcome; the chain shows the submission landed.
            return (new WeightHistoryEntry(round, WeightSubmissionStatus.Submitted,
                $"submitted before a failover: the chain's last update moved from block {pending.LastUpdate} to {self.LastUpdate}", metagraph.Block), null);
        }

        var since = metagraph.Block - Math.Min(self.LastUpdate, metagraph.Block);
        if (self.LastUpdate > 0 && since < metagraph.Hyperparameters.WeightsRateLimit)
        {
            return (new WeightHistoryEntry(round, WeightSubmissionStatus.RateLimited,
                $"{since} blocks since the last update, the chain allows one every {metagraph.Hyperparameters.WeightsRateLimit}", metagraph.Block), null);
        }

        var weights = new WeightsToSign(
            metagraph.Netuid, [.. round.Weights.Select(w => w.Uid)], [.. round.Weights.Select(w => w.Value)], (ulong)_options.Weights.VersionKey, self.LastUpdate);
        return (null, new WeightSubmission(round, weights, metagraph.Block));
    }

    private async Task<WeightHistoryEntry> SubmitAsync(WeightSubmission submission, CancellationToken ct)
    {
        var (round, weights, block) = submission;
        var signed = await _signer.SignWeightsAsync(weights, ct);
        if (!signed.IsSigned)
        {
            return new WeightHistoryEntry(round, WeightSubmissionStatus.SignerRefused, $"{signed.Refusal}: {signed.Message}", block);
        }

        var result = await _chain.SetWeightsAsync(new SignedWeights(_signer.HotkeyAddress, weights, signed.Signature), ct);
        return result.IsOk
            ? new WeightHistoryEntry(round, WeightSubmissionStatus.Submitted, null, block)
            : new WeightHistoryEntry(round, WeightSubmissionStatus.Refused, result.Error?.ToString(), block);
    }

    /// <summary>Journals the round, then keeps it and answers; the round number is taken once it is journaled.</summary>
    private void Record(WeightHistoryEntry entry, IActorRef? replyTo)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Persist(new WeightRoundRecorded(entry), recorded =>
        {
            Telemetry.Sn19Metrics.JournalWritten("weights", started);
            Telemetry.Sn19Metrics.WeightRound(entry.Status.ToString().ToLowerInvariant());
            Apply(recorded.Entry);
            SubnetLog.WeightRound(_logger, entry.Round.Round, entry.Status, entry.Round.Weights.Count, entry.Detail ?? "");
            replyTo?.Tell(entry);
            if (LastSequenceNr % _options.Weights.History == 0)
            {
                SaveSnapshot(new WeightSetterSnapshot(_round, [.. _history], _pending));
            }
        });
    }

    /// <summary>Keeps a journaled round; it resolves any intent before it (an intent is always followed by its round
    /// unless the node died in between, and then the next round supersedes it).</summary>
    private void Apply(WeightHistoryEntry entry)
    {
        _pending = null;
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
        _pending = snapshot.Pending;
        _history.Clear();
        foreach (var entry in snapshot.History)
        {
            _history.AddLast(entry);
        }
    }
}
