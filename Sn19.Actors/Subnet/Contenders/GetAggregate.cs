namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;
using Sn19.Actors.Mechanism;

/// <summary>The weight setter's question: Q, speed metric, P and capacity as of <see cref="Now"/>.</summary>
public sealed record GetAggregate(DateTimeOffset Now, bool QualitySquareExempt, ReplyTo<ContenderAggregate> ReplyTo) : ContenderMessage;
