namespace Sn19.Host.Signer;

using Microsoft.Extensions.Logging;

internal static partial class SignerServerLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information,
        Message = "Signer listening on {SocketPath} (mode 0600) for {Clients} clients with {Hotkeys} hotkeys")]
    public static partial void Listening(ILogger logger, string socketPath, int clients, int hotkeys);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning,
        Message = "Signer connection refused: all connection slots are in use")]
    public static partial void TooManyConnections(ILogger logger);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning,
        Message = "Signer connection dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string reason);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information,
        Message = "Signer loaded hotkey {Hotkey} ({Address})")]
    public static partial void HotkeyLoaded(ILogger logger, string hotkey, string address);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information,
        Message = "Signer stopped; removed {SocketPath}")]
    public static partial void Stopped(ILogger logger, string socketPath);
}
