namespace Sn19.Host.Admin;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sn19.Actors.History;

/// <summary>
/// <c>GET /admin/history?from=ISO&amp;to=ISO</c>: the history between two times, for <c>sn19 ctl export</c>. A window is at
/// most <see cref="MaxWindow"/> (the client asks day by day), so one answer stays a few megabytes even for a large subnet.
/// </summary>
internal static class AdminHistoryEndpoints
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public static void Map(RouteGroupBuilder admin, HistoryStore? history)
    {
        var queries = history is null ? null : new HistoryQueries(history);
        admin.MapGet("/history", async (DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct) =>
        {
            if (queries is null)
            {
                return Results.Json(new AdminError("this node keeps no history (only validator nodes on a journal do)"), AdminJson.Options, statusCode: 404);
            }

            if (from is not { } start || to is not { } end || end <= start || end - start > MaxWindow)
            {
                return Results.Json(
                    new AdminError($"query parameters 'from' and 'to' are required, ISO-8601 times with from < to, at most {MaxWindow.TotalHours:F0} h apart"),
                    AdminJson.Options, statusCode: 400);
            }

            var periods = await queries.PeriodsBetweenAsync(start, end, ct);
            var weights = await queries.WeightsBetweenAsync(start, end, ct);
            return Results.Json(new HistoryExportResponse(start, end, periods, weights), AdminJson.Options);
        });
    }
}
