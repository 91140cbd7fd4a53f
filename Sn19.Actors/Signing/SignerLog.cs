namespace Sn19.Actors.Signing;

using Microsoft.Extensions.Logging;

internal static partial class SignerLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Signer decision: client={Client} kind={Kind} hotkey={Hotkey} allowed ({Reason})")]
    public static partial void Allowed(ILogger logger, string client, string kind, string hotkey, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning,
        Message = "Signer decision: client={Client} kind={Kind} hotkey={Hotkey} refused ({Reason})")]
    public static partial void Refused(ILogger logger, string client, string kind, string hotkey, string reason);
}
