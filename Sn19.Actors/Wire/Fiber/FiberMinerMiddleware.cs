namespace Sn19.Actors.Wire.Fiber;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// A miner's side of fiber 2.x, so Nineteen's validators can query it: the RSA public key (made at start, never stored),
/// the symmetric key exchange, and the encrypted requests. A signed request passes the same checks as Sn19's envelope
/// (headers, nonce window and replay, the validator's registration and stake), its signature is checked over
/// <c>{nonce}:{miner}:{uuid}</c>, and an encrypted body is decrypted with the validator's key and handed on as the JSON
/// the endpoint reads, with the validator's identity set as for an envelope. Nineteen's payloads are vLLM's fields, so
/// they pass as they are; the <c>nonce</c> fiber adds is dropped, and token ids are reported as text.
/// </summary>
internal sealed class FiberMinerMiddleware(RequestDelegate next, FiberMinerState state, EnvelopeVerifier verifier, ILogger<FiberMinerMiddleware> logger)
{
    /// <summary>The most a key exchange body needs: a 2048-bit key's ciphertext in base64 and its JSON.</summary>
    private const int MaxExchangeBytes = 4096;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (HttpMethods.IsGet(request.Method) && path == FiberProtocol.PublicKeyPath)
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["public_key"] = state.PublicKeyPem,
                ["timestamp"] = state.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0,
            }, context.RequestAborted);
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || !FiberMinerState.IsFiberPath(path))
        {
            await next(context);
            return;
        }

        var rejection = verifier.CheckHeaders(
            WireHeaders.Single(request, WireHeaders.ValidatorHotkey), WireHeaders.Single(request, WireHeaders.MinerHotkey), WireHeaders.Single(request, WireHeaders.Nonce),
            WireHeaders.Single(request, WireHeaders.Signature), out var headers, out var detail);
        var uuid = WireHeaders.Single(request, FiberProtocol.SymmetricKeyUuidHeader);
        if (rejection == EnvelopeRejection.None && (uuid is null || !EnvelopeMessage.IsSha256Hex(uuid)))
        {
            (rejection, detail) = (EnvelopeRejection.MalformedHeader, $"{FiberProtocol.SymmetricKeyUuidHeader} must be 64 lowercase hex digits");
        }

        if (rejection == EnvelopeRejection.None)
        {
            rejection = verifier.CheckSignedText(headers!, FiberProtocol.SignedText(headers!.Nonce, headers.MinerHotkey, uuid!), "nonce, miner and key uuid", out detail);
        }

        if (rejection != EnvelopeRejection.None)
        {
            await EnvelopeRefusal.WriteAsync(context, rejection, detail, bodyUnread: true, logger);
            return;
        }

        if (path == FiberProtocol.ExchangeKeyPath)
        {
            await ExchangeAsync(context, headers!.ValidatorHotkey, uuid!);
            return;
        }

        var key = state.Keys.Find(headers!.ValidatorHotkey, uuid!);
        if (key is null)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, "no-symmetric-key", "no symmetric key with this uuid for this validator: exchange one first");
            return;
        }

        var body = await ReadCappedAsync(request, FiberProtocol.EncryptedSize(verifier.MaxBodyBytes), context.RequestAborted);
        byte[] plain;
        try
        {
            plain = new Fernet(key).Decrypt(Encoding.ASCII.GetString(body ?? []), state.Time.GetUtcNow());
        }
        catch (FernetException error)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, "undecryptable", body is null ? "body too large" : error.Message);
            return;
        }

        if (ParseObject(plain) is not { } payload)
        {
            await FailAsync(context, StatusCodes.Status400BadRequest, "malformed-payload", "the decrypted body is not a JSON object");
            return;
        }

        payload.Remove("nonce");
        payload["return_tokens_as_token_ids"] ??= false;
        var json = Encoding.UTF8.GetBytes(payload.ToJsonString());
        request.Body = new MemoryStream(json);
        request.ContentLength = json.Length;
        request.ContentType = "application/json";
        context.Features.Set<IRequestEnvelopeFeature>(new RequestEnvelopeFeature(headers.ValidatorHotkey, headers.Nonce));
        context.Features.Set<IFiberRequestFeature>(new FiberRequestFeature(uuid!));
        await next(context);
    }

    /// <summary>Decrypts the validator's symmetric key with the miner's RSA key and keeps it.</summary>
    private async Task ExchangeAsync(HttpContext context, string validator, string uuid)
    {
        var body = await ReadCappedAsync(context.Request, MaxExchangeBytes, context.RequestAborted);
        byte[] key;
        try
        {
            var encrypted = body is null ? null : JsonNode.Parse(body)?["encrypted_symmetric_key"]?.GetValue<string>();
            key = state.DecryptKey(Convert.FromBase64String(encrypted ?? throw new FormatException("no encrypted_symmetric_key")));
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or CryptographicException)
        {
            // fiber answers 401 when the key does not decrypt.
            await FailAsync(context, StatusCodes.Status401Unauthorized, "bad-key-exchange", error.Message);
            return;
        }

        if (key.Length != 32)
        {
            await FailAsync(context, StatusCodes.Status401Unauthorized, "bad-key-exchange", $"a symmetric key is 32 bytes, not {key.Length}");
            return;
        }

        state.Store(validator, uuid, key);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["status"] = "Symmetric key exchanged successfully" }, context.RequestAborted);
    }

    /// <summary>The decrypted body as a JSON object; null when it is not one (or nests too deep to read).</summary>
    private static JsonObject? ParseObject(byte[] plain)
    {
        try
        {
            return JsonNode.Parse(plain) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task FailAsync(HttpContext context, int status, string code, string message)
    {
        WireLog.Refused(logger, code, WireHeaders.Single(context.Request, WireHeaders.ValidatorHotkey) ?? "-", message);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new EnvelopeError(code, message), WireJsonContext.Default.EnvelopeError, cancellationToken: context.RequestAborted);
    }

    /// <summary>The whole body, or null once it passes <paramref name="cap"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, long cap, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > cap)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
