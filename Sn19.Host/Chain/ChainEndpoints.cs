namespace Sn19.Host.Chain;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sn19.Actors.Chain;
using Sn19.Actors.Chain.Http;
using Sn19.Actors.Signing;

/// <summary>
/// Maps the chain API (<see cref="ChainRoutes"/>) onto an <see cref="IChain"/>. Every answer is a
/// <c>ChainResponse</c> JSON body: 200 with <c>value</c>, or 409 with <c>error {code, message}</c> for a refusal.
/// set_weights is authenticated by the hotkey's signature (checked by the chain); the other calls are a
/// development chain's operator actions with no authentication, so the server listens on loopback.
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
        {
            if (!TryHex(r.Signature, out var signature))
            {
                return Reply(ChainResult<bool>.Fail(ChainErrorCode.InvalidRequest, "signature must be hex digits (an sr25519 signature is 128)"));
            }

            var weights = new WeightsToSign(r.Netuid, r.Uids ?? [], r.Values ?? [], r.VersionKey, r.LastUpdate);
            return Reply(await chain.SetWeightsAsync(new SignedWeights(r.Hotkey ?? "", weights, signature), ct));
        });
    }

    private static bool TryHex(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text) || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(text);
        return true;
    }

    private static IResult Reply<T>(ChainResult<T> result) =>
        Results.Json(
            ChainResponse<T>.From(result),
            ChainJson.Options,
            statusCode: result.IsOk ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
}
