namespace Sn19.Host.Admin;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Akka.Actor;
using Sn19.Actors.Subnet.Validation;
using Sn19.Actors.Subnet.Weights;

/// <summary>
/// The operator's view of a node: <c>GET /admin/actors?path=PREFIX</c> lists actors (all when no prefix),
/// <c>GET /admin/actor?path=PATH</c> shows one; on a cluster node <c>GET /admin/cluster</c> shows membership,
/// <c>GET /admin/shards[?entities=true]</c> the shard regions this node hosts, and
/// <c>POST /admin/cluster/leave|down?address=ADDRESS</c> asks a member to leave or downs it; on a validator
/// <c>GET /admin/contenders</c> lists every contender's period numbers and <c>GET /admin/weights?limit=N</c> the
/// last weight rounds; <see cref="AdminKeyEndpoints"/> manage API keys and <see cref="AdminHistoryEndpoints"/> serve the history.
/// Every request needs the bearer token, else 401.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, ActorSystem system, AdminOptions options, ValidatorNode? validator, KeyDefaults keyDefaults)
    {
        var directory = new ActorDirectory(system, options.SummaryTimeout);
        var cluster = new ClusterDirectory(system, options.SummaryTimeout);
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

        admin.MapGet("/cluster", () => cluster.InCluster
            ? Results.Json(cluster.State(), AdminJson.Options)
            : NotInCluster());

        admin.MapGet("/shards", async (bool? entities, CancellationToken ct) => cluster.InCluster
            ? Results.Json(await cluster.ShardsAsync(entities ?? false, ct), AdminJson.Options)
            : NotInCluster());

        admin.MapGet("/contenders", async (CancellationToken ct) =>
        {
            if (validator is null)
            {
                return NotAValidator();
            }

            var keys = await validator.Contenders.KeysAsync(ct);
            var summaries = await Task.WhenAll(keys.Select(k => validator.Contenders.SummaryAsync(k, ct).AsTask()));
            return Results.Json(new ContenderListResponse(system.Name, system.Scheduler.Now, summaries), AdminJson.Options);
        });

        admin.MapGet("/weights", async (int? limit, CancellationToken ct) =>
        {
            if (validator is null)
            {
                return NotAValidator();
            }

            var rounds = await validator.Weights.Ask<IReadOnlyList<WeightHistoryEntry>>(
                new GetWeightsHistory(Math.Clamp(limit ?? 10, 1, 1_000)), options.SummaryTimeout, ct);
            return Results.Json(new WeightsResponse(system.Name, rounds), AdminJson.Options);
        });

        AdminKeyEndpoints.Map(admin, validator?.Keys, keyDefaults);
        AdminHistoryEndpoints.Map(admin, validator?.History);
        admin.MapPost("/cluster/leave", (string? address) => Act(cluster, address, down: false));
        admin.MapPost("/cluster/down", (string? address) => Act(cluster, address, down: true));
    }

    private static IResult Act(ClusterDirectory cluster, string? address, bool down)
    {
        if (!cluster.InCluster)
        {
            return NotInCluster();
        }

        if (string.IsNullOrWhiteSpace(address))
        {
            return Results.Json(new AdminError("query parameter 'address' is required, e.g. akka.tcp://validator@10.0.0.2:4051"), AdminJson.Options, statusCode: 400);
        }

        return cluster.Act(address, down)
            ? Results.Json(cluster.State(), AdminJson.Options)
            : Results.Json(new AdminError($"{address} is not a member of this cluster"), AdminJson.Options, statusCode: 404);
    }

    private static IResult NotAValidator() =>
        Results.Json(new AdminError("this node runs no validator (contenders and weights live on validator nodes)"), AdminJson.Options, statusCode: 404);

    private static IResult NotInCluster() =>
        Results.Json(new AdminError("this node is not part of a cluster (only validator nodes are)"), AdminJson.Options, statusCode: 404);
}
