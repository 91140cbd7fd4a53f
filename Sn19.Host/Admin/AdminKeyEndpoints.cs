namespace Sn19.Host.Admin;

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Sn19.Actors.Organic;

/// <summary>
/// API keys for `sn19 ctl keys`, behind the admin token: <c>POST /admin/keys?name=N[&amp;credit=C&amp;rpm=R&amp;tpm=T]</c>
/// creates one and returns its secret once; <c>GET /admin/keys</c> lists them; <c>GET /admin/keys/ID[?charges=N]</c>
/// shows one with its latest charges; <c>POST /admin/keys/ID/top-up?amount=A[&amp;operation=OP]</c> adds credit
/// (the same operation id twice counts once); <c>POST /admin/keys/ID/revoke</c> revokes it.
/// </summary>
internal static class AdminKeyEndpoints
{
    public static void Map(RouteGroupBuilder admin, ApiKeys? keys, KeyDefaults defaults)
    {
        admin.MapPost("/keys", async (string? name, string? credit, int? rpm, int? tpm, CancellationToken ct) =>
        {
            if (keys is null)
            {
                return NoKeys();
            }

            if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            {
                return Bad("query parameter 'name' is required (at most 100 characters)");
            }

            if (!TryAmount(credit, defaults.Credit, out var amount) || (rpm ?? 0) < 0 || (tpm ?? 0) < 0)
            {
                return Bad("credit must be a non-negative number, rpm and tpm non-negative integers (0 = no limit)");
            }

            var (id, secret) = ApiKeySecret.Create();
            var status = await keys.IssueAsync(
                new IssueKey(id, name.Trim(), ApiKeySecret.Hash(secret), amount, rpm ?? defaults.RequestsPerMinute, tpm ?? defaults.TokensPerMinute), ct);
            return Results.Json(new KeyCreatedResponse(secret, status), AdminJson.Options);
        });

        admin.MapGet("/keys", async (CancellationToken ct) =>
        {
            if (keys is null)
            {
                return NoKeys();
            }

            var ids = await keys.IdsAsync(ct);
            var statuses = await Task.WhenAll(ids.Select(id => keys.StatusAsync(id, 0, ct)));
            return Results.Json(new KeyListResponse([.. statuses.Where(s => s.Exists)]), AdminJson.Options);
        });

        admin.MapGet("/keys/{id}", async (string id, int? charges, CancellationToken ct) =>
            await WithKeyAsync(keys, id, () => keys!.StatusAsync(id, Math.Clamp(charges ?? 20, 0, KeyLedger.RecentChargesKept), ct)));

        admin.MapPost("/keys/{id}/top-up", async (string id, string? amount, string? operation, CancellationToken ct) =>
            !TryAmount(amount, -1, out var credit) || credit <= 0
                ? Bad("query parameter 'amount' must be a positive number")
                : await WithKeyAsync(keys, id, () => keys!.TopUpAsync(new TopUpKey(id, credit, operation ?? Guid.NewGuid().ToString("N")), ct)));

        admin.MapPost("/keys/{id}/revoke", async (string id, CancellationToken ct) =>
            await WithKeyAsync(keys, id, () => keys!.RevokeAsync(id, ct)));
    }

    private static async Task<IResult> WithKeyAsync(ApiKeys? keys, string id, Func<Task<KeyStatus>> act)
    {
        if (keys is null)
        {
            return NoKeys();
        }

        if (!ApiKeySecret.IsKeyId(id))
        {
            return Bad($"'{id}' is not a key id (16 hex digits, as `keys list` shows)");
        }

        var status = await act();
        return status.Exists
            ? Results.Json(status, AdminJson.Options)
            : Results.Json(new AdminError($"no key {id}"), AdminJson.Options, statusCode: 404);
    }

    private static bool TryAmount(string? text, decimal fallback, out decimal amount)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            amount = fallback;
            return fallback >= 0;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount >= 0 && amount <= 1_000_000_000_000m;
    }

    private static IResult Bad(string message) => Results.Json(new AdminError(message), AdminJson.Options, statusCode: 400);

    private static IResult NoKeys() =>
        Results.Json(new AdminError("this node keeps no API keys (keys live on validator cluster nodes)"), AdminJson.Options, statusCode: 404);
}
