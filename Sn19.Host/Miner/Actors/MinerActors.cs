namespace Sn19.Host.Miner.Actors;

using Akka.Actor;

/// <summary>
/// How the miner's HTTP handlers reach its actors: a <see cref="TaskGateActor"/> per served task and the
/// validators' quotas (<see cref="ValidatorQuotasActor"/>). Admission and accounting live in the actors;
/// generation and streaming stay in the request, which only asks and tells.
/// </summary>
internal sealed class MinerActors(IReadOnlyDictionary<string, IActorRef> gates, IActorRef quotas)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private long _nextRequest;

    /// <summary>Holds <paramref name="maxTokens"/> of the validator's share of the task; null when it is spent.</summary>
    public async Task<QuotaReservation?> TryReserveAsync(string validator, string task, double share, int maxTokens, CancellationToken cancellationToken) =>
        await quotas.Ask<object>(new ReserveQuota(validator, task, share, maxTokens), AskTimeout, cancellationToken) is QuotaReservation reservation
            ? reservation
            : null;

    public void Settle(QuotaReservation reservation, int usedTokens) => quotas.Tell(new SettleQuota(reservation, usedTokens));

    /// <summary>A slot of the task's backend, waiting in its queue if need be; null when the queue is full.</summary>
    public async Task<GateSlot?> TryEnterAsync(string task, CancellationToken cancellationToken)
    {
        var gate = gates[task];
        var id = Interlocked.Increment(ref _nextRequest);
        try
        {
            return await gate.Ask<object>(new EnterGate(id), cancellationToken) is GateEntered ? new GateSlot(gate, id) : null;
        }
        catch (OperationCanceledException)
        {
            // The caller went away while waiting (or as its turn came): the gate drops it or frees the slot.
            gate.Tell(new LeaveGate(id));
            throw;
        }
    }
}
