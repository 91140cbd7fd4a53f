namespace Sn19.Actors.Organic;

/// <summary>The answer to <see cref="ReserveCredit"/>: the verdict, the completion tokens the credit covers, the
/// amount held, and for <see cref="ReserveVerdict.RateLimited"/> how long to wait.</summary>
public sealed record CreditReservation(ReserveVerdict Verdict, int GrantedCompletionTokens, decimal Amount, TimeSpan? RetryAfter, string Message)
{
    public bool IsReserved => Verdict == ReserveVerdict.Reserved;
}
