namespace Sn19.Actors.Subnet.Contenders;

using System.Collections.Concurrent;
using Akka.Actor;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;

/// <summary>
/// Contenders as persistent Akka actors under <c>/user/contender-…</c>, started on first use (recovering
/// from the journal). Asks time out after <see cref="AskTimeout"/>; an ask without a reply is a bug here
/// (the actor is local), so it throws.
/// </summary>
internal sealed class ActorContenders(
    ActorSystem system, MechanismOptions options, int snapshotEvery, bool journalOutlivesProcess = true, IActorRef? region = null) : IContenderGateway
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ContenderKey, IActorRef> _actors = new();
    private readonly Lock _spawnGate = new();

    /// <summary>Every contender with a journal (read through Akka.Persistence.Query, so those a previous run
    /// wrote count too) and every one started on this node since. An in-memory journal (<c>journalOutlivesProcess</c>
    /// false: <c>sn19 simulate</c>) holds nothing from before this process, so only the started ones count.</summary>
    public async ValueTask<IReadOnlyList<ContenderKey>> KeysAsync(CancellationToken cancellationToken)
    {
        var ids = journalOutlivesProcess ? await JournalIds.CurrentAsync(system, cancellationToken) : [];
        return [.. ids.Select(ContenderKey.FromPersistenceId).OfType<ContenderKey>().Concat(_actors.Keys).Distinct()
            .OrderBy(k => k.Hotkey, StringComparer.Ordinal).ThenBy(k => k.TaskId, StringComparer.Ordinal)];
    }

    public async ValueTask<ContenderSummary> OpenAsync(ContenderKey key, PeriodOpening opening, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(new OpenPeriod(key, opening), cancellationToken);

    public async ValueTask<ContenderSummary> RecordAsync(
        ContenderKey key, long queryId, DateTimeOffset at, bool organic, QueryOutcome outcome, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(new RecordQuery(key, queryId, at, organic, outcome), cancellationToken);

    public async ValueTask<ContenderSummary> RecordQualityAsync(ContenderKey key, long queryId, double quality, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(new RecordQuality(key, queryId, quality), cancellationToken);

    public async ValueTask<ContenderSummary> CloseAsync(ContenderKey key, long period, DateTimeOffset at, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(new ClosePeriod(key, period, at), cancellationToken);

    public async ValueTask<ContenderSummary> SummaryAsync(ContenderKey key, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(new GetContenderSummary(key), cancellationToken);

    public async ValueTask<IReadOnlyList<PendingCheck>> PendingAsync(ContenderKey key, CancellationToken cancellationToken) =>
        await AskAsync<IReadOnlyList<PendingCheck>>(new GetPendingChecks(key), cancellationToken);

    public async ValueTask<ContenderAggregate> AggregateAsync(
        ContenderKey key, DateTimeOffset now, bool qualitySquareExempt, CancellationToken cancellationToken) =>
        await AskAsync<ContenderAggregate>(new GetAggregate(key, now, qualitySquareExempt), cancellationToken);

    /// <summary>The actor name for a contender: path-safe and unique per key.</summary>
    public static string ActorName(ContenderKey key) =>
        "contender-" + Safe(key.Hotkey) + "-" + Safe(key.TaskId) + "-" +
        ((ulong)SeededRandom.Key(key.PersistenceId)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static string Safe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    /// <summary>Through the shard region when there is one (a cluster), else to this node's own actor.</summary>
    private Task<T> AskAsync<T>(ContenderMessage message, CancellationToken cancellationToken) =>
        (region ?? Get(message.Key)).Ask<T>(message, AskTimeout, cancellationToken);

    private IActorRef Get(ContenderKey key)
    {
        if (_actors.TryGetValue(key, out var actor))
        {
            return actor;
        }

        lock (_spawnGate)
        {
            return _actors.GetOrAdd(key, k => system.ActorOf(ContenderActor.Props(k, options, snapshotEvery), ActorName(k)));
        }
    }
}
