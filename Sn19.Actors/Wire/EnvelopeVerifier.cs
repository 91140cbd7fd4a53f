namespace Sn19.Actors.Wire;

using System.Text;

/// <summary>
/// The miner's admission checks for a signed request, in two steps so the cheap ones run before the
/// body is read:
///  1. <see cref="CheckHeaders"/>: all four headers present (400) and well-formed (400); the miner hotkey
///     is ours (400); the nonce within ±window of now (408); not a replay already remembered (409);
///     the validator registered (403) with stake ≥ minimum (403).
///  2. <see cref="CheckBody"/>: the signature over <c>nonce.validator.miner.sha256(body)</c> verifies (401);
///     then the nonce is remembered atomically (409 if a concurrent twin won, 429 if the validator's share
///     of the cache is full). Remembering only after the signature means unsigned junk never takes space.
/// </summary>
internal sealed class EnvelopeVerifier
{
    private readonly EnvelopeOptions _options;
    private readonly string _minerHotkey;
    private readonly IValidatorDirectory _directory;
    private readonly ISignatureVerifier _signatures;
    private readonly TimeProvider _time;
    private readonly long _windowNs;

    public EnvelopeVerifier(
        EnvelopeOptions options,
        string minerHotkey,
        IValidatorDirectory directory,
        ISignatureVerifier signatures,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!WireAddress.IsValid(minerHotkey))
        {
            throw new ArgumentException($"'{minerHotkey}' is not an SS58 hotkey address.", nameof(minerHotkey));
        }

        _options = options;
        _minerHotkey = minerHotkey;
        _directory = directory;
        _signatures = signatures;
        _time = time;
        _windowNs = options.NonceWindow.Ticks * 100;
        Unverified = new UnverifiedRequestLimiter(options.MaxUnverifiedPerValidator);
        Nonces = new NonceReplayCache(time, options.ReplayCachePerValidator, options.ReplayCacheMaxValidators);
    }

    public NonceReplayCache Nonces { get; }

    public long MaxBodyBytes => _options.MaxBodyBytes;

    public int UnverifiedMemoryBytes => _options.UnverifiedMemoryBytes;

    /// <summary>Requests per claimed validator whose signature is not checked yet.</summary>
    public UnverifiedRequestLimiter Unverified { get; }

    public EnvelopeRejection CheckHeaders(
        string? validator,
        string? miner,
        string? nonce,
        string? signature,
        out EnvelopeHeaders? headers,
        out string detail)
    {
        headers = null;
        if (string.IsNullOrEmpty(validator) || string.IsNullOrEmpty(miner)
            || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            detail = $"headers {WireHeaders.ValidatorHotkey}, {WireHeaders.MinerHotkey}, {WireHeaders.Nonce} and {WireHeaders.Signature} are required";
            return EnvelopeRejection.MissingHeader;
        }

        if (!WireAddress.IsValid(validator) || !WireAddress.IsValid(miner))
        {
            detail = "hotkey headers must be SS58 addresses";
            return EnvelopeRejection.MalformedHeader;
        }

        if (!WireNonce.TryParse(nonce, out var nonceNs))
        {
            detail = "nonce must be <unix time ns>_<10 alphanumerics>";
            return EnvelopeRejection.MalformedHeader;
        }

        if (!SignatureHex.TryParse(signature, out var signatureBytes))
        {
            detail = "signature must be 0x + 128 hex digits";
            return EnvelopeRejection.MalformedHeader;
        }

        if (!string.Equals(miner, _minerHotkey, StringComparison.Ordinal))
        {
            detail = "the request is addressed to another miner";
            return EnvelopeRejection.WrongMiner;
        }

        var now = WireNonce.UnixNanoseconds(_time);
        // Subtraction in Int128 so a hostile 19-digit time cannot overflow into the window.
        if (Int128.Abs((Int128)now - nonceNs) > _windowNs)
        {
            detail = $"nonce time is more than {_options.NonceWindow.TotalSeconds:0} s from now";
            return EnvelopeRejection.StaleNonce;
        }

        if (Nonces.Contains(validator, nonce))
        {
            detail = "nonce already used";
            return EnvelopeRejection.ReplayedNonce;
        }

        if (!_directory.TryGetStake(validator, out var stake))
        {
            detail = "validator hotkey is not registered";
            return EnvelopeRejection.UnknownValidator;
        }

        if (!(stake >= _options.MinValidatorStake))
        {
            detail = $"validator stake is below {_options.MinValidatorStake}";
            return EnvelopeRejection.LowStake;
        }

        headers = new EnvelopeHeaders(validator, miner, nonce, nonceNs, signatureBytes);
        detail = string.Empty;
        return EnvelopeRejection.None;
    }

    public EnvelopeRejection CheckBody(EnvelopeHeaders headers, ReadOnlySpan<byte> body, out string detail) =>
        CheckBodyHash(headers, EnvelopeMessage.HashBody(body), out detail);

    /// <summary><see cref="CheckBody"/> for a body hashed as it streamed in (lowercase hex SHA-256).</summary>
    public EnvelopeRejection CheckBodyHash(EnvelopeHeaders headers, string bodySha256Hex, out string detail)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var text = EnvelopeMessage.Compose(headers.Nonce, headers.ValidatorHotkey, headers.MinerHotkey, bodySha256Hex);
        return CheckSignedText(headers, text, "nonce, hotkeys and body hash", out detail);
    }

    /// <summary>The signature over <paramref name="text"/> (fiber's text, or the envelope's), then the nonce remembered.</summary>
    public EnvelopeRejection CheckSignedText(EnvelopeHeaders headers, string text, string what, out string detail)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var message = Encoding.UTF8.GetBytes(text);
        if (!_signatures.Verify(headers.ValidatorHotkey, message, headers.Signature.Span))
        {
            detail = $"signature does not verify over {what}";
            return EnvelopeRejection.BadSignature;
        }

        switch (Nonces.TryRemember(headers.ValidatorHotkey, headers.Nonce, headers.NonceUnixNanoseconds + _windowNs))
        {
            case ReplayVerdict.Replayed:
                detail = "nonce already used";
                return EnvelopeRejection.ReplayedNonce;
            case ReplayVerdict.Full:
                detail = "too many live nonces from this validator";
                return EnvelopeRejection.TooManyNonces;
            default:
                detail = string.Empty;
                return EnvelopeRejection.None;
        }
    }
}
