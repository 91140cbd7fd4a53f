namespace Sn19.Actors.Subnet.Validation;

using Microsoft.Extensions.Logging;

internal static partial class ValidatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Period {Period} opened: {Miners} miners, {Contenders} contenders, {Planned} synthetic queries planned")]
    public static partial void PeriodOpened(ILogger logger, long period, int miners, int contenders, int planned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period {Period} taken over part-way on this node ({Contenders} open contenders): the coordinator before stopped")]
    public static partial void PeriodTakenOver(ILogger logger, long period, int contenders);

    [LoggerMessage(Level = LogLevel.Information, Message = "Period {Period} closed")]
    public static partial void PeriodClosed(ILogger logger, long period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting {Wait} for period {Period} to start")]
    public static partial void WaitingForPeriod(ILogger logger, TimeSpan wait, long period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Miner {Hotkey} offered no capacity: {Reason}")]
    public static partial void NoCapacity(ILogger logger, string hotkey, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} of {Task} to {Hotkey}: {Outcome} {Detail}")]
    public static partial void Queried(ILogger logger, long queryId, string task, string hotkey, string outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query {QueryId} of {Task} to {Hotkey} was dropped: the dispatcher queue is full")]
    public static partial void Dropped(ILogger logger, long queryId, string task, string hotkey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Check of query {QueryId} by {Hotkey} ({Task}): quality {Quality} {Reason}")]
    public static partial void Checked(ILogger logger, long queryId, string hotkey, string task, double quality, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query {QueryId} of {Task} to {Hotkey} failed to run")]
    public static partial void QueryCrashed(ILogger logger, Exception error, long queryId, string task, string hotkey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A check of {Hotkey} ({Task}) failed to run")]
    public static partial void CheckCrashed(ILogger logger, Exception error, string hotkey, string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organic query {QueryId} to {Hotkey} could not be recorded: {Reason}")]
    public static partial void BookingFailed(ILogger logger, long queryId, string hotkey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period {Period} was not kept in the history (the dashboard and the export will miss it): {Reason}")]
    public static partial void HistoryNotKept(ILogger logger, long period, string reason);
}
