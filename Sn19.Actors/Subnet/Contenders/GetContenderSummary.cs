namespace Sn19.Actors.Subnet.Contenders;

using Sn19.Actors.Kernel;

public sealed record GetContenderSummary(ReplyTo<ContenderSummary> ReplyTo) : ContenderMessage;
