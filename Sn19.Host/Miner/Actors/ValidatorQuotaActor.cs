namespace Sn19.Host.Miner.Actors;

using Akka.Actor;
using Sn19.Actors.Hosting;

/// <summary>
/// One per validator that has asked this miner for work: how much of its share it has been served this
/// period, per task. A validator gets <c>capacity × stake / Σ validator stake</c> tokens a period (MECHANISM.md
/// "Per period" 1); past that the miner answers 429, which the mechanism penalises only in proportion to
/// unused declared volume.
/// </summary>
/// <remarks>
/// Periods are aligned to multiples of the period length since the Unix epoch, the same on every miner.
/// A request reserves its max_tokens up front (so concurrent requests cannot overshoot the share), and the
/// unused part is handed back when it finishes. One actor per validator: no lock, and validators never wait
/// on each other.
/// </remarks>
internal sealed class ValidatorQuotaActor : ReceiveActor, IDescribedActor
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly Dictionary<string, (long Period, double Used)> _ledgers = new(StringComparer.Ordinal);

    public ValidatorQuotaActor(TimeProvider time, TimeSpan period)
    {
        _time = time;
        _period = period;
        Receive<ReserveQuota>(Reserve);
        Receive<SettleQuota>(Settle);
        Receive<DescribeActor>(_ => Sender.Tell(new ActorDescription(
            _ledgers.Where(l => l.Value.Period == CurrentPeriod()).ToDictionary(l => l.Key, l => l.Value.Used))));
    }

    public static Props Props(TimeProvider time, TimeSpan period) => Akka.Actor.Props.Create(() => new ValidatorQuotaActor(time, period));

    private void Reserve(ReserveQuota reserve)
    {
        var period = CurrentPeriod();
        var (ledgerPeriod, used) = _ledgers.GetValueOrDefault(reserve.Task, (-1, 0));
        if (ledgerPeriod != period)
        {
            used = 0;
        }

        if (used >= reserve.Share)
        {
            _ledgers[reserve.Task] = (period, used);
            Sender.Tell(QuotaSpent.Instance);
            return;
        }

        _ledgers[reserve.Task] = (period, used + reserve.MaxTokens);
        Sender.Tell(new QuotaReservation(reserve.Validator, reserve.Task, period, reserve.MaxTokens));
    }

    private void Settle(SettleQuota settle)
    {
        var reservation = settle.Reservation;
        if (_ledgers.TryGetValue(reservation.Task, out var ledger) && ledger.Period == reservation.Period)
        {
            _ledgers[reservation.Task] = (ledger.Period, ledger.Used - Math.Max(0, reservation.Reserved - settle.UsedTokens));
        }
    }

    private long CurrentPeriod() => _time.GetUtcNow().ToUnixTimeMilliseconds() / (long)_period.TotalMilliseconds;
}
