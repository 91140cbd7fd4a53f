namespace Sn19.Actors.Wire;

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Admits a validator→miner request only when its envelope holds (see <see cref="EnvelopeVerifier"/>).
/// The body is read here, capped, hashed and checked, then handed on as a buffered stream, so the endpoint
/// never sees a byte of a request that failed any check.
/// </summary>
internal sealed class EnvelopeVerificationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly EnvelopeVerifier _verifier;
    private readonly ILogger _logger;

    public EnvelopeVerificationMiddleware(RequestDelegate next, EnvelopeVerifier verifier, ILogger<EnvelopeVerificationMiddleware> logger)
    {
        _next = next;
        _verifier = verifier;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var rejection = _verifier.CheckHeaders(
            Single(request, WireHeaders.ValidatorHotkey),
            Single(request, WireHeaders.MinerHotkey),
            Single(request, WireHeaders.Nonce),
            Single(request, WireHeaders.Signature),
            out var headers,
            out var detail);
        if (rejection != EnvelopeRejection.None || headers is null)
        {
            await RefuseAsync(context, rejection, detail);
            return;
        }

        var body = await ReadCappedAsync(request, _verifier.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(context, EnvelopeRejection.BodyTooLarge, $"body exceeds {_verifier.MaxBodyBytes} bytes");
            return;
        }

        rejection = _verifier.CheckBody(headers, body.AsSpan(), out detail);
        if (rejection != EnvelopeRejection.None)
        {
            await RefuseAsync(context, rejection, detail);
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        context.Features.Set<IRequestEnvelopeFeature>(new RequestEnvelopeFeature(headers.ValidatorHotkey, headers.Nonce));
        await _next(context);
    }

    /// <summary>A header given more than once is treated as absent rather than guessing which one was signed.</summary>
    private static string? Single(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>The whole body, or null once it is known to exceed <paramref name="cap"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, long cap, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > cap)
        {
            return null;
        }

        var initial = (int)Math.Min(request.ContentLength ?? 4096, cap);
        using var buffer = new MemoryStream(initial);
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

    private async Task RefuseAsync(HttpContext context, EnvelopeRejection rejection, string detail)
    {
        var code = EnvelopeRejections.Code(rejection);
        var validator = Single(context.Request, WireHeaders.ValidatorHotkey) ?? "-";
        WireLog.Refused(_logger, code, validator, detail);
        var response = context.Response;
        response.StatusCode = EnvelopeRejections.StatusCode(rejection);
        response.ContentType = "application/json";
        if (rejection == EnvelopeRejection.TooManyNonces)
        {
            response.Headers.RetryAfter = "10";
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new EnvelopeError(code, detail), WireJsonContext.Default.EnvelopeError);
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }
}
