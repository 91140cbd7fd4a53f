namespace Sn19.Host.Admin;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sn19.Actors.Kernel;

/// <summary>
/// Read-only introspection: <c>GET /admin/actors?path=PREFIX</c> lists actors (all when no prefix) and
/// <c>GET /admin/actor?path=PATH</c> shows one. Every request needs the bearer token, else 401.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, ActorSystem system, AdminOptions options)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.Ordinal)
                && !BearerToken.IsValid(context.Request.Headers.Authorization, options.Token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new AdminError("missing or wrong bearer token"), AdminJson.Options);
                return;
            }

            await next(context);
        });

        app.MapGet("/admin/actors", async (string? path, CancellationToken ct) =>
        {
            var actors = await system.DescribeAsync(string.IsNullOrWhiteSpace(path) ? null : path, options.SummaryTimeout, ct);
            return Results.Json(new ActorListResponse(system.Name, system.Time.GetUtcNow(), actors), AdminJson.Options);
        });

        app.MapGet("/admin/actor", async (string? path, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return Results.Json(new AdminError("query parameter 'path' is required"), AdminJson.Options, statusCode: 400);
            }

            var actor = await system.DescribeOneAsync(path, options.SummaryTimeout, ct);
            return actor is null
                ? Results.Json(new AdminError($"no live actor at {path}"), AdminJson.Options, statusCode: 404)
                : Results.Json(actor, AdminJson.Options);
        });
    }
}
