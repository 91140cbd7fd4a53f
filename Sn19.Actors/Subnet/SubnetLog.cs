namespace Sn19.Actors.Subnet;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Subnet.Weights;

/// <summary>Source-generated log messages of the subnet actors (event ids 7000–7099).</summary>
internal static partial class SubnetLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Weights round {Round}: {Status}, {Uids} uids {Detail}")]
    public static partial void WeightRound(ILogger logger, long round, WeightSubmissionStatus status, int uids, string detail);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Contender {Contender}: {Command} ignored ({Reason})")]
    public static partial void CommandIgnored(ILogger logger, string contender, string command, string reason);
}
