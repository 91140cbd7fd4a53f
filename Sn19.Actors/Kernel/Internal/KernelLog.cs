namespace Sn19.Actors.Kernel.Internal;

using Microsoft.Extensions.Logging;

internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Actor {Path} failed; restart {Restart} after {Backoff}")]
    public static partial void ActorRestarting(ILogger logger, string path, int restart, TimeSpan backoff, Exception error);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Actor {Path} stopped after failing: {Reason}")]
    public static partial void ActorGaveUp(ILogger logger, string path, string reason, Exception error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Actor {Path}: {Hook} threw")]
    public static partial void HookFailed(ILogger logger, string path, string hook, Exception error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Actor {Path} passivated after {Idle} idle")]
    public static partial void Passivated(ILogger logger, string path, TimeSpan idle);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Actor {Path}: the kernel loop itself failed")]
    public static partial void LoopFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "Actor system {System}: graceful shutdown exceeded {Timeout}; cancelling handlers")]
    public static partial void ShutdownTimedOut(ILogger logger, string system, TimeSpan timeout);
}
