namespace Sn19.Host.Miner;

using Microsoft.Extensions.Logging;

internal static partial class MinerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Miner {Hotkey} serving {Tasks} on {Address}")]
    public static partial void Started(ILogger logger, string hotkey, string tasks, string address);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused {Task} for validator {Validator}: {Reason}")]
    public static partial void Refused(ILogger logger, string task, string validator, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Served {Task} for validator {Validator}: {Tokens} tokens ({Finish})")]
    public static partial void Served(ILogger logger, string task, string validator, int tokens, string finish);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backend of {Task} failed for validator {Validator}")]
    public static partial void BackendFailed(ILogger logger, Exception error, string task, string validator);
}
