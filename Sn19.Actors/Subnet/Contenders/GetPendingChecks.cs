namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;

/// <summary>Results recorded but not yet checked (to refill a check reservoir after a restart).</summary>
public sealed record GetPendingChecks(ReplyTo<IReadOnlyList<PendingCheck>> ReplyTo) : ContenderMessage;
