namespace Sn19.Actors.Subnet.Contenders;

/// <summary>The weight setter's question: Q, speed metric, P and capacity as of <see cref="Now"/> (a <see cref="Mechanism.ContenderAggregate"/>).</summary>
public sealed record GetAggregate(ContenderKey Key, DateTimeOffset Now, bool QualitySquareExempt) : ContenderMessage(Key);
