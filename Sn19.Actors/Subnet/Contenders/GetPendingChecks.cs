namespace Sn19.Actors.Subnet.Contenders;

/// <summary>Asks for the results still waiting for a quality check (a list of <see cref="PendingCheck"/>).</summary>
public sealed record GetPendingChecks(ContenderKey Key) : ContenderMessage(Key);
