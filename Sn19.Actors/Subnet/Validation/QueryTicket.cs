namespace Sn19.Actors.Subnet.Validation;

/// <summary>One query as its task actor issued it: to whom, in which period, its id (increasing per
/// contender, so a retried record is recognised) and when it was sent.</summary>
internal sealed record QueryTicket(string TaskId, string Hotkey, long Period, long QueryId, DateTimeOffset At, bool Organic);
