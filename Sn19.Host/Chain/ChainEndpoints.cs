namespace Sn19.Host.Chain;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;

/// <summary>
/// Maps the chain API (<see cref="ChainRoutes"/>) onto an <see cref="IChain"/>. Every answer is a
/// <c>ChainResponse</c> JSON body: 200 with <c>value</c>, or 409 with <c>error {code, message}</c> for a refusal.
/// There is no authentication: the local chain trusts whoever reaches it, so the server listens on loopback.
/// </summary>
internal static class ChainEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IChain chain)
    {
        // A JSON body may omit a field (the deserializer then leaves null in it); "" gets the chain's own refusal
        // (InvalidAddress, NotRegistered, ...) instead of a null reaching the chain.
        app.MapGet(ChainRoutes.Block, async (CancellationToken ct) => Reply(await chain.GetBlockAsync(ct)));
        app.MapGet(ChainRoutes.Metagraph, async (CancellationToken ct) => Reply(await chain.GetMetagraphAsync(ct)));
        app.MapGet(ChainRoutes.Hyperparameters, async (CancellationToken ct) => Reply(await chain.GetHyperparametersAsync(ct)));
        app.MapGet(ChainRoutes.Weights, async (CancellationToken ct) => Reply(await chain.GetWeightsAsync(ct)));
        app.MapGet(ChainRoutes.Epochs, async (int? limit, CancellationToken ct) => Reply(await chain.GetEpochsAsync(limit ?? 20, ct)));
        app.MapPost(ChainRoutes.Register, async (RegisterRequest r, CancellationToken ct) =>
            Reply(await chain.RegisterAsync(r.Hotkey ?? "", r.Coldkey ?? "", ct)));
        app.MapPost(ChainRoutes.ServeAxon, async (ServeAxonRequest r, CancellationToken ct) =>
            Reply(await chain.ServeAxonAsync(r.Hotkey ?? "", r.Ip ?? "", r.Port, ct)));
        app.MapPost(ChainRoutes.AddStake, async (StakeRequest r, CancellationToken ct) =>
            Reply(await chain.AddStakeAsync(r.Coldkey ?? "", r.Hotkey ?? "", r.AmountRao, ct)));
        app.MapPost(ChainRoutes.RemoveStake, async (StakeRequest r, CancellationToken ct) =>
            Reply(await chain.RemoveStakeAsync(r.Coldkey ?? "", r.Hotkey ?? "", r.AmountRao, ct)));
        app.MapPost(ChainRoutes.Weights, async (SetWeightsRequest r, CancellationToken ct) =>
            Reply(await chain.SetWeightsAsync(r.Hotkey ?? "", r.Uids ?? [], r.Values ?? [], r.VersionKey, ct)));
    }

    private static IResult Reply<T>(ChainResult<T> result) =>
        Results.Json(
            ChainResponse<T>.From(result),
            ChainJson.Options,
            statusCode: result.IsOk ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
}
