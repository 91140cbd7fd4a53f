namespace Sn19.Actors.Chain.Local;

using Microsoft.Extensions.Logging;

/// <summary>The local chain's log lines: registrations and epochs, never one per block.</summary>
internal static partial class ChainLog
{
    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Local chain opened at block {Block} with {Neurons} uids (netuid {Netuid}, tempo {Tempo})")]
    public static partial void Opened(ILogger logger, ulong block, int neurons, ushort netuid, ulong tempo);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "Registered hotkey {Hotkey} as uid {Uid} at block {Block}")]
    public static partial void Registered(ILogger logger, string hotkey, ushort uid, ulong block);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Information, Message = "Registered hotkey {Hotkey} as uid {Uid} at block {Block}, replacing {OldHotkey}")]
    public static partial void Replaced(ILogger logger, string hotkey, ushort uid, ulong block, string oldHotkey);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Information, Message = "Epoch {Index} at block {Block}: {Neurons} uids, {Validators} validators, {EmissionRao} rao paid")]
    public static partial void EpochRan(ILogger logger, ulong index, ulong block, int neurons, int validators, ulong emissionRao);
}
