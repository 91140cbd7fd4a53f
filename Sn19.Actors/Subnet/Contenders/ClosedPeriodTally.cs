namespace Sn19.Actors.Subnet.Contenders;

/// <summary>How a contender's last closed period ended, kept after the next one opens (which resets the counters),
/// so an operator can compare it with the history and its export.</summary>
public sealed record ClosedPeriodTally(long Period, double DeclaredCapacity, double Capacity, int Ok, int RateLimited, int Failed, double? Score);
