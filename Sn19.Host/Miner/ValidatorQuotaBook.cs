namespace Sn19.Host.Miner;

using System.Collections.Concurrent;

/// <summary>
/// How much of each validator's share a miner has served this period, per task. A validator gets
/// <c>capacity × stake / Σ validator stake</c> tokens a period (MECHANISM.md "Per period" 1); past that
/// the miner answers 429, which the mechanism penalises only in proportion to unused declared volume.
/// </summary>
/// <remarks>
/// Periods are aligned to multiples of the period length since the Unix epoch, the same on every miner.
/// A request reserves its max_tokens up front (so concurrent requests cannot overshoot the share), and
/// the unused part is handed back when it finishes.
/// </remarks>
internal sealed class ValidatorQuotaBook
{
    private readonly ConcurrentDictionary<(string Validator, string Task), Ledger> _ledgers = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;

    public ValidatorQuotaBook(TimeProvider time, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _time = time;
        _period = period;
    }

    /// <summary>Reserves up to <paramref name="maxTokens"/> of the validator's share; false when the share is spent.</summary>
    public bool TryReserve(string validator, string task, double share, int maxTokens, out QuotaReservation reservation)
    {
        var ledger = _ledgers.GetOrAdd((validator, task), _ => new Ledger());
        var period = CurrentPeriod();
        lock (ledger)
        {
            if (ledger.Period != period)
            {
                ledger.Period = period;
                ledger.Used = 0;
            }

            if (ledger.Used >= share)
            {
                reservation = default;
                return false;
            }

            ledger.Used += maxTokens;
            reservation = new QuotaReservation(validator, task, period, maxTokens);
            return true;
        }
    }

    /// <summary>Hands back what the request reserved but did not use.</summary>
    public void Settle(QuotaReservation reservation, int usedTokens)
    {
        if (!_ledgers.TryGetValue((reservation.Validator, reservation.Task), out var ledger))
        {
            return;
        }

        lock (ledger)
        {
            if (ledger.Period == reservation.Period)
            {
                ledger.Used -= Math.Max(0, reservation.Reserved - usedTokens);
            }
        }
    }

    /// <summary>Tokens served (or reserved) this period for the validator and task.</summary>
    public double Used(string validator, string task)
    {
        if (!_ledgers.TryGetValue((validator, task), out var ledger))
        {
            return 0;
        }

        lock (ledger)
        {
            return ledger.Period == CurrentPeriod() ? ledger.Used : 0;
        }
    }

    private long CurrentPeriod() => _time.GetUtcNow().ToUnixTimeMilliseconds() / (long)_period.TotalMilliseconds;

    private sealed class Ledger
    {
        public long Period = -1;
        public double Used;
    }
}
