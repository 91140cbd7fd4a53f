namespace Sn19.Host.Dashboard;

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The page and its JSON: <c>GET /</c> and <c>GET /miners/{hotkey}</c> serve the one page (its script reads the path),
/// <c>/dashboard.js</c> and <c>/dashboard.css</c> its parts, <c>GET /api/overview</c> the front page's numbers and
/// <c>GET /api/miners/{hotkey}</c> a miner's history.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>camelCase like the admin API; a NaN (a speed never measured) is written as a name, not an error.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Map(WebApplication app, DashboardReader reader)
    {
        var page = DashboardPage.Load();
        app.MapGet("/", () => page.Html);
        app.MapGet("/miners/{hotkey}", (string hotkey) => page.Html);
        app.MapGet("/dashboard.js", () => page.Script);
        app.MapGet("/dashboard.css", () => page.Style);
        app.MapGet("/api/overview", async (CancellationToken ct) => Results.Json(await reader.OverviewAsync(ct), Json));
        app.MapGet("/api/miners/{hotkey}", async (string hotkey, CancellationToken ct) => Results.Json(await reader.MinerAsync(hotkey, ct), Json));
    }
}
