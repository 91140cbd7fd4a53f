namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>
/// How the task side talks to contenders: through their actors in a validator (persistent, one per
/// hotkey × task) or to plain in-process state. Every command is idempotent (see <see cref="ContenderState"/>),
/// so a caller that crashed may repeat the last one.
/// </summary>
internal interface IContenderGateway
{
    /// <summary>Contenders known so far (recovered ones included), in ordinal order.</summary>
    ValueTask<IReadOnlyList<ContenderKey>> KeysAsync(CancellationToken cancellationToken);

    ValueTask<ContenderSummary> OpenAsync(ContenderKey key, PeriodOpening opening, CancellationToken cancellationToken);

    ValueTask<ContenderSummary> RecordAsync(ContenderKey key, long queryId, DateTimeOffset at, bool organic, QueryOutcome outcome, CancellationToken cancellationToken);

    ValueTask<ContenderSummary> RecordQualityAsync(ContenderKey key, long queryId, double quality, CancellationToken cancellationToken);

    ValueTask<ContenderSummary> CloseAsync(ContenderKey key, long period, DateTimeOffset at, CancellationToken cancellationToken);

    ValueTask<ContenderSummary> SummaryAsync(ContenderKey key, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<PendingCheck>> PendingAsync(ContenderKey key, CancellationToken cancellationToken);

    ValueTask<ContenderAggregate> AggregateAsync(ContenderKey key, DateTimeOffset now, bool qualitySquareExempt, CancellationToken cancellationToken);
}
