namespace Sn19.Host.Admin;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Akka.Actor;

/// <summary>
/// Read-only introspection: <c>GET /admin/actors?path=PREFIX</c> lists actors (all when no prefix) and
/// <c>GET /admin/actor?path=PATH</c> shows one. Every request needs the bearer token, else 401.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, ActorSystem system, AdminOptions options)
    {
        var directory = new ActorDirectory(system, options.SummaryTimeout);
        // The token is checked on the endpoints themselves (a filter on the route group), not on a
        // path prefix: routing matches paths case-insensitively and decoded, so a prefix check can be
        // walked around by spelling the path another way (/ADMIN/actors, /%61dmin/actors).
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            if (BearerToken.IsValid(context.HttpContext.Request.Headers.Authorization, options.Token))
            {
                return await next(context);
            }

            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new AdminError("missing or wrong bearer token"), AdminJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        });

        admin.MapGet("/actors", async (string? path, CancellationToken ct) =>
        {
            var actors = await directory.DescribeAsync(string.IsNullOrWhiteSpace(path) ? null : path, ct);
            return Results.Json(new ActorListResponse(system.Name, system.Scheduler.Now, actors), AdminJson.Options);
        });

        admin.MapGet("/actor", async (string? path, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return Results.Json(new AdminError("query parameter 'path' is required"), AdminJson.Options, statusCode: 400);
            }

            var actor = await directory.DescribeOneAsync(path, ct);
            return actor is null
                ? Results.Json(new AdminError($"no live actor at {path}"), AdminJson.Options, statusCode: 404)
                : Results.Json(actor, AdminJson.Options);
        });
    }
}
