namespace Sn19.Actors.Wire.Fiber;

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sn19.Actors.Signing;

/// <summary>
/// A validator's side of fiber 2.x, the wire Nineteen's miners speak. Before the first request to a miner (and when its
/// key is older than <see cref="RenewAfter"/> or the miner lost it) it shakes hands: fetches the miner's RSA public key,
/// makes a 32-byte key and a uuid, and posts the key RSA-OAEP-encrypted with a signed request. Each request then carries
/// its JSON, with a fresh <c>nonce</c> added as fiber does, Fernet-encrypted under that key, and the signed headers
/// (signature over <c>{nonce}:{miner}:{uuid}</c>, by the signer's <see cref="SignKinds.FiberRequest"/> kind).
/// </summary>
public sealed class FiberWire(HttpClient http, IHotkeySigner signer, TimeProvider time) : IMinerWire
{
    /// <summary>Well inside the miner's 5 hours, so a key never expires between preparing a request and its arrival.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromHours(4);

    /// <summary>Each handshake call's limit (fiber: 3 s).</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, FiberSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _handshakes = new(StringComparer.Ordinal);

    public async Task<PreparedRequest> PrepareAsync(Uri axon, string minerHotkey, MinerOperation operation, byte[] json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(axon);
        var (session, problem) = await SessionAsync(axon, minerHotkey, cancellationToken);
        if (session is null)
        {
            return PreparedRequest.Failed(problem!);
        }

        var payload = JsonNode.Parse(json) as JsonObject ?? [];
        payload["nonce"] = WireNonce.Create(time);
        var token = new Fernet(session.Key).Encrypt(Encoding.UTF8.GetBytes(payload.ToJsonString()), time.GetUtcNow());
        var path = operation switch
        {
            MinerOperation.Capacity => FiberProtocol.CapacityPath,
            MinerOperation.Chat => FiberProtocol.ChatPath,
            _ => FiberProtocol.CompletionPath,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axon, path.TrimStart('/'))) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(token)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var signed = await SignAsync(request, minerHotkey, session.Uuid, cancellationToken);
        if (signed is not null)
        {
            request.Dispose();
            return PreparedRequest.Failed(signed);
        }

        return new PreparedRequest(request, true, null);
    }

    public void Refused(string minerHotkey, int status)
    {
        if (status is 400 or 401)
        {
            _sessions.TryRemove(minerHotkey, out _);
        }
    }

    /// <summary>The miner's live session, or a new one from a handshake (one at a time per miner).</summary>
    private async Task<(FiberSession? Session, string? Problem)> SessionAsync(Uri axon, string minerHotkey, CancellationToken cancellationToken)
    {
        if (Live(minerHotkey, axon) is { } live)
        {
            return (live, null);
        }

        var gate = _handshakes.GetOrAdd(minerHotkey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Live(minerHotkey, axon) is { } made)
            {
                return (made, null);
            }

            var (session, problem) = await HandshakeAsync(axon, minerHotkey, cancellationToken);
            if (session is not null)
            {
                _sessions[minerHotkey] = session;
            }

            return (session, problem);
        }
        finally
        {
            gate.Release();
        }
    }

    private FiberSession? Live(string minerHotkey, Uri axon) =>
        _sessions.TryGetValue(minerHotkey, out var session) && session.Axon == axon && time.GetUtcNow() - session.Made < RenewAfter ? session : null;

    private async Task<(FiberSession? Session, string? Problem)> HandshakeAsync(Uri axon, string minerHotkey, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var answer = await http.GetFromJsonAsync<JsonObject>(new Uri(axon, FiberProtocol.PublicKeyPath.TrimStart('/')), linked.Token);
            var pem = answer?["public_key"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (pem is null)
            {
                return (null, "fiber handshake: the miner's public-encryption-key answer has no public_key");
            }

            var key = RandomNumberGenerator.GetBytes(32);
            var uuid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var encrypted = EncryptKey(pem, key);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(axon, FiberProtocol.ExchangeKeyPath.TrimStart('/')))
            {
                Content = JsonContent.Create(new JsonObject { ["encrypted_symmetric_key"] = encrypted }),
            };
            if (await SignAsync(request, minerHotkey, uuid, linked.Token) is { } refused)
            {
                return (null, refused);
            }

            using var response = await http.SendAsync(request, linked.Token);
            return response.IsSuccessStatusCode
                ? (new FiberSession(uuid, key, axon, time.GetUtcNow()), null)
                : (null, $"fiber handshake: exchange-symmetric-key answered HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "fiber handshake: timed out");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or CryptographicException or ArgumentException
            or NotSupportedException or InvalidOperationException or FormatException)
        {
            return (null, $"fiber handshake: {error.Message}");
        }
    }

    /// <summary>The symmetric key RSA-OAEP-encrypted (SHA-256, MGF1-SHA-256, no label) to the miner's PEM public key, in
    /// standard base64: what fiber's <c>encrypted_symmetric_key</c> holds.</summary>
    public static string EncryptKey(string publicKeyPem, byte[] key)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return Convert.ToBase64String(rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256));
    }

    /// <summary>Sets the signed headers; the signer's refusal, or null.</summary>
    private async Task<string?> SignAsync(HttpRequestMessage request, string minerHotkey, string uuid, CancellationToken cancellationToken)
    {
        var nonce = WireNonce.Create(time);
        var outcome = await signer.SignFiberRequestAsync(new EnvelopeToSign(nonce, minerHotkey, uuid), cancellationToken);
        if (!outcome.IsSigned)
        {
            return $"not signed: {outcome.Message}";
        }

        var headers = request.Headers;
        headers.TryAddWithoutValidation(WireHeaders.ValidatorHotkey, outcome.SignerAddress);
        headers.TryAddWithoutValidation(WireHeaders.MinerHotkey, minerHotkey);
        headers.TryAddWithoutValidation(WireHeaders.Nonce, nonce);
        headers.TryAddWithoutValidation(WireHeaders.Signature, SignatureHex.Format(outcome.Signature.Span));
        headers.TryAddWithoutValidation(FiberProtocol.SymmetricKeyUuidHeader, uuid);
        return null;
    }
}
