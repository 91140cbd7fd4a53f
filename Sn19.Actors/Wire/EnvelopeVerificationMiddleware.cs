namespace Sn19.Actors.Wire;

using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Admits a validator→miner request only when its envelope holds (see <see cref="EnvelopeVerifier"/>).
/// The body is read here, capped and hashed as it streams in, then handed on rewound, so the endpoint never
/// sees a byte of a request that failed any check.
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
            WireHeaders.Single(request, WireHeaders.ValidatorHotkey),
            WireHeaders.Single(request, WireHeaders.MinerHotkey),
            WireHeaders.Single(request, WireHeaders.Nonce),
            WireHeaders.Single(request, WireHeaders.Signature),
            out var headers,
            out var detail);
        if (rejection != EnvelopeRejection.None || headers is null)
        {
            await RefuseAsync(context, rejection, detail, bodyUnread: true);
            return;
        }

        // Anyone can get this far with public information, so until the signature is checked a request
        // costs a bounded slot of its claimed validator and a small buffer (the rest of the body waits in
        // a temporary file), never a copy of the whole body in memory.
        string bodyHash;
        using (var slot = _verifier.Unverified.TryEnter(headers.ValidatorHotkey))
        {
            if (slot is null)
            {
                await RefuseAsync(context, EnvelopeRejection.TooManyUnverified, "too many requests from this validator are still being verified", bodyUnread: true);
                return;
            }

            var hash = await HashCappedAsync(request, _verifier.MaxBodyBytes, _verifier.UnverifiedMemoryBytes, context.RequestAborted);
            if (hash is null)
            {
                await RefuseAsync(context, EnvelopeRejection.BodyTooLarge, $"body exceeds {_verifier.MaxBodyBytes} bytes", bodyUnread: true);
                return;
            }

            bodyHash = hash;
        }

        rejection = _verifier.CheckBodyHash(headers, bodyHash, out detail);
        if (rejection != EnvelopeRejection.None)
        {
            await RefuseAsync(context, rejection, detail);
            return;
        }

        request.Body.Position = 0;
        context.Features.Set<IRequestEnvelopeFeature>(new RequestEnvelopeFeature(headers.ValidatorHotkey, headers.Nonce));
        await _next(context);
    }

    /// <summary>
    /// Reads the body through ASP.NET's file-buffering stream (memory up to <paramref name="inMemory"/> bytes,
    /// a temporary file beyond) and hashes it on the way; null once it is known to exceed <paramref name="cap"/>.
    /// The buffered body stays on the request for the endpoint, rewound by the caller.
    /// </summary>
    private static async Task<string?> HashCappedAsync(HttpRequest request, long cap, int inMemory, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > cap)
        {
            return null;
        }

        request.EnableBuffering(inMemory);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                total += read;
                if (total > cap)
                {
                    return null;
                }

                sha256.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    private Task RefuseAsync(HttpContext context, EnvelopeRejection rejection, string detail, bool bodyUnread = false) =>
        EnvelopeRefusal.WriteAsync(context, rejection, detail, bodyUnread, _logger);
}
