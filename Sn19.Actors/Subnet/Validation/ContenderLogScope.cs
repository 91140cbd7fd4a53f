namespace Sn19.Actors.Subnet.Validation;

using Microsoft.Extensions.Logging;

/// <summary>
/// The ids a line about one query carries as structured properties, whichever logger writes it while the scope is
/// open (the query, its booking, its check): <c>Contender</c> ("hotkey/task", the entity's id) and <c>QueryId</c>.
/// Serilog keeps scope values as properties, so the JSON log and Seq can be searched by them.
/// </summary>
internal static class ContenderLogScope
{
    public static IDisposable? Begin(ILogger logger, string hotkey, string taskId, long queryId) =>
        logger.BeginScope(new Dictionary<string, object> { ["Contender"] = $"{hotkey}/{taskId}", ["QueryId"] = queryId });
}
