namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Mechanism;

/// <summary>Records how a query ended; ids must increase per contender (a repeated id is ignored).</summary>
public sealed record RecordQuery(ContenderKey Key, long QueryId, DateTimeOffset At, bool Organic, QueryOutcome Outcome) : ContenderMessage(Key);
