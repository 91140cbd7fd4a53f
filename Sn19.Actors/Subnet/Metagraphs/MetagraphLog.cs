namespace Sn19.Actors.Subnet.Metagraphs;

using Microsoft.Extensions.Logging;

internal static partial class MetagraphLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Metagraph refresh failed, keeping the last view: {Reason}")]
    public static partial void RefreshFailed(ILogger logger, string reason);
}
