namespace Sn19.Host.Organic;

using Microsoft.Extensions.Logging;

internal static partial class OrganicLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} of key {KeyId} was not settled: {Reason}")]
    public static partial void NotSettled(ILogger logger, string requestId, string keyId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling request {RequestId} of key {KeyId} timed out (try {Attempt}): {Reason}")]
    public static partial void SettleRetry(ILogger logger, string requestId, string keyId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organic request failed inside the gateway")]
    public static partial void Crashed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Samples} organic usage sample(s) not written to the history, kept for the next try: {Reason}")]
    public static partial void UsageNotWritten(ILogger logger, int samples, string reason);
}
