namespace Sn19.Actors.Signing;

using System.Text;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Wire;

/// <summary>
/// Decides and signs one request: the policy first, then the kind's own well-formedness checks, then the
/// signature over bytes built here (never bytes the client sent). Every decision is logged. The socket
/// server and the in-process signer both go through this, so they refuse exactly the same things.
/// </summary>
internal sealed class SignerCore
{
    private readonly SignerPolicy _policy;
    private readonly IReadOnlyDictionary<string, IMessageSigner> _keys;
    private readonly TimeProvider _time;
    private readonly long _nonceWindowNs;
    private readonly ILogger _logger;

    /// <param name="nonceWindow">An envelope nonce must be this close to the signer's clock, so a caller cannot
    /// collect signatures for requests it means to send later.</param>
    public SignerCore(
        SignerPolicy policy,
        IReadOnlyDictionary<string, IMessageSigner> keys,
        TimeProvider time,
        TimeSpan nonceWindow,
        ILogger logger)
    {
        _policy = policy;
        _keys = keys;
        _time = time;
        _nonceWindowNs = nonceWindow.Ticks * 100;
        _logger = logger;
    }

    public SignerResponse Handle(SignerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = _policy.Decide(request.Client, request.Token, request.Kind, request.Hotkey);
        IMessageSigner? key = null;
        byte[]? message = null;
        if (decision.Allowed && !_keys.TryGetValue(request.Hotkey!, out key))
        {
            decision = new SignerDecision(SignRefusal.UnknownHotkey, "hotkey not loaded");
        }

        if (decision.Allowed && request.Kind != SignKinds.Address)
        {
            message = BuildMessage(request, key!, out var problem);
            if (message is null)
            {
                decision = new SignerDecision(SignRefusal.Malformed, problem);
            }
        }

        var client = Printable(request.Client);
        var kind = Printable(request.Kind);
        var hotkey = Printable(request.Hotkey);
        if (!decision.Allowed)
        {
            SignerLog.Refused(_logger, client, kind, hotkey, decision.Reason);
            return Refuse(request.Id, decision.Refusal, decision.Reason);
        }

        SignerLog.Allowed(_logger, client, kind, hotkey, decision.Reason);
        return new SignerResponse
        {
            Id = request.Id,
            Ok = true,
            Address = key!.Ss58Address,
            Signature = message is null ? null : SignatureHex.Format(key.Sign(message)),
        };
    }

    public static SignerResponse Refuse(long id, SignRefusal refusal, string message) => new()
    {
        Id = id,
        Ok = false,
        Error = RefusalCodes.ToCode(refusal),
        Message = message,
    };

    private byte[]? BuildMessage(SignerRequest request, IMessageSigner key, out string problem)
    {
        if (request.Kind == SignKinds.Weights)
        {
            var weights = new WeightsToSign(request.Netuid, request.Uids ?? [], request.Values ?? [], request.VersionKey, request.LastUpdate);
            return WeightsMessage.TryEncode(weights, out problem);
        }

        if (request.Kind == SignKinds.Extrinsic)
        {
            return ExtrinsicMessage(request.Payload, out problem);
        }

        if (request.Nonce is null || !WireNonce.TryParse(request.Nonce, out var nonceNs))
        {
            problem = "nonce must be <unix time ns>_<10 alphanumerics>";
            return null;
        }

        if (Int128.Abs((Int128)WireNonce.UnixNanoseconds(_time) - nonceNs) > _nonceWindowNs)
        {
            problem = "nonce time is outside the signer's window";
            return null;
        }

        if (!WireAddress.IsValid(request.Miner))
        {
            problem = "miner must be an SS58 address";
            return null;
        }

        if (request.BodySha256 is null || !EnvelopeMessage.IsSha256Hex(request.BodySha256))
        {
            problem = "bodySha256 (a fiber request's symmetric key uuid) must be 64 lowercase hex digits";
            return null;
        }

        problem = string.Empty;
        return Encoding.UTF8.GetBytes(request.Kind == SignKinds.FiberRequest
            ? Wire.Fiber.FiberProtocol.SignedText(request.Nonce, request.Miner!, request.BodySha256)
            : EnvelopeMessage.Compose(request.Nonce, key.Ss58Address, request.Miner!, request.BodySha256));
    }

    /// <summary>
    /// The bytes an extrinsic's signature covers: the payload itself, or its BLAKE2b-256 when longer than 256 bytes. A payload
    /// shorter than a call's two index bytes, or longer than <see cref="MaxExtrinsicPayload"/>, is refused.
    /// </summary>
    private static byte[]? ExtrinsicMessage(string? payloadHex, out string problem)
    {
        problem = "payload must be the extrinsic's signing payload as hex (2 to 65536 bytes)";
        var hex = payloadHex is not null && payloadHex.StartsWith("0x", StringComparison.Ordinal) ? payloadHex[2..] : payloadHex;
        if (hex is null || hex.Length < 4 || hex.Length > MaxExtrinsicPayload * 2 || hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
        {
            return null;
        }

        problem = string.Empty;
        var payload = Convert.FromHexString(hex);
        if (payload.Length <= 256)
        {
            return payload;
        }

        var hash = new byte[32];
        Crypto.Sodium.Blake2b.Hash(hash, payload);
        return hash;
    }

    /// <summary>Larger than any weights or axon call (a 1,024-uid set_weights is about 4 KiB).</summary>
    private const int MaxExtrinsicPayload = 65_536;

    /// <summary>Client-supplied text goes into the log only as short printable ASCII, so it cannot forge log lines.</summary>
    private static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var clipped = text.Length > 64 ? text[..64] : text;
        return string.Create(clipped.Length, clipped, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
    }
}
