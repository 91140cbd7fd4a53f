namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;

/// <summary>A checker's verdict on one of this contender's results.</summary>
public sealed record RecordQuality(long QueryId, double Quality, ReplyTo<ContenderSummary>? ReplyTo) : ContenderMessage;
