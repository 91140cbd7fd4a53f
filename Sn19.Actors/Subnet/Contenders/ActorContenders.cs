namespace Sn19.Actors.Subnet.Contenders;

using System.Collections.Concurrent;
using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;
using Sn19.Actors.Persistence;

/// <summary>
/// Contenders as persistent actors under <c>/user/contenders-…</c>, spawned on first use (recovering from
/// the journal). Asks time out after <see cref="AskTimeout"/>; an ask without a reply is a bug here (the
/// actor is local), so it throws.
/// </summary>
internal sealed class ActorContenders(ActorSystem system, PersistenceRuntime persistence, MechanismOptions options) : IContenderGateway
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<ContenderKey, ActorRef<ContenderMessage>> _actors = new();
    private readonly Lock _spawnGate = new();

    public ValueTask<IReadOnlyList<ContenderKey>> KeysAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ContenderKey>>(
            [.. _actors.Keys.OrderBy(k => k.Hotkey, StringComparer.Ordinal).ThenBy(k => k.TaskId, StringComparer.Ordinal)]);

    public async ValueTask<ContenderSummary> OpenAsync(ContenderKey key, PeriodOpening opening, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(key, r => new OpenPeriod(opening, r), cancellationToken);

    public async ValueTask<ContenderSummary> RecordAsync(
        ContenderKey key, long queryId, DateTimeOffset at, bool organic, QueryOutcome outcome, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(key, r => new RecordQuery(queryId, at, organic, outcome, r), cancellationToken);

    public async ValueTask<ContenderSummary> RecordQualityAsync(ContenderKey key, long queryId, double quality, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(key, r => new RecordQuality(queryId, quality, r), cancellationToken);

    public async ValueTask<ContenderSummary> CloseAsync(ContenderKey key, long period, DateTimeOffset at, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(key, r => new ClosePeriod(period, at, r), cancellationToken);

    public async ValueTask<ContenderSummary> SummaryAsync(ContenderKey key, CancellationToken cancellationToken) =>
        await AskAsync<ContenderSummary>(key, r => new GetContenderSummary(r), cancellationToken);

    public async ValueTask<IReadOnlyList<PendingCheck>> PendingAsync(ContenderKey key, CancellationToken cancellationToken) =>
        await AskAsync<IReadOnlyList<PendingCheck>>(key, r => new GetPendingChecks(r), cancellationToken);

    public async ValueTask<ContenderAggregate> AggregateAsync(
        ContenderKey key, DateTimeOffset now, bool qualitySquareExempt, CancellationToken cancellationToken) =>
        await AskAsync<ContenderAggregate>(key, r => new GetAggregate(now, qualitySquareExempt, r), cancellationToken);

    /// <summary>The actor name for a contender: path-safe and unique per key.</summary>
    public static string ActorName(ContenderKey key) =>
        "contender-" + Safe(key.Hotkey) + "-" + Safe(key.TaskId) + "-" +
        ((ulong)SeededRandom.Key(key.PersistenceId)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static string Safe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private async Task<T> AskAsync<T>(ContenderKey key, Func<ReplyTo<T>, ContenderMessage> build, CancellationToken cancellationToken)
    {
        var result = await Get(key).AskAsync(build, AskTimeout, cancellationToken);
        return result.GetValueOrThrow();
    }

    private ActorRef<ContenderMessage> Get(ContenderKey key)
    {
        if (_actors.TryGetValue(key, out var actor))
        {
            return actor;
        }

        lock (_spawnGate)
        {
            return _actors.GetOrAdd(key, k => system.Spawn(ActorName(k), () => new ContenderActor(persistence, k, options)));
        }
    }
}
