namespace Sn19.Actors.Signing;

using Microsoft.Extensions.Logging;

/// <summary>
/// The local subnet's signer: the key lives in this process, but every request still goes through
/// <see cref="SignerCore"/> with a policy and a token, so the local subnet signs exactly what a real
/// signer process would sign and refuses what it would refuse.
/// </summary>
internal sealed class InProcessHotkeySigner : IHotkeySigner
{
    private readonly SignerCore _core;
    private readonly string _client;
    private readonly string _token;
    private readonly string _hotkey;
    private long _nextId;

    public InProcessHotkeySigner(SignerCore core, string client, string token, string hotkey, string hotkeyAddress)
    {
        _core = core;
        _client = client;
        _token = token;
        _hotkey = hotkey;
        HotkeyAddress = hotkeyAddress;
    }

    public string HotkeyAddress { get; }

    /// <summary>A signer for one key, granted every signing kind under a fresh in-memory token.</summary>
    public static InProcessHotkeySigner Create(IMessageSigner key, string hotkey, TimeProvider time, TimeSpan nonceWindow, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(key);
        var token = SignerTokens.NewToken();
        const string client = "in-process";
        var policy = new SignerPolicy(
        [
            new SignerGrant
            {
                Name = client,
                TokenSha256 = SignerTokens.Hash(token),
                Hotkeys = [hotkey],
                Kinds = [SignKinds.RequestEnvelope, SignKinds.Weights, SignKinds.Extrinsic, SignKinds.FiberRequest],
            },
        ]);
        var core = new SignerCore(policy, new Dictionary<string, IMessageSigner> { [hotkey] = key }, time, nonceWindow, logger);
        return new InProcessHotkeySigner(core, client, token, hotkey, key.Ss58Address);
    }

    public ValueTask<SignOutcome> SignEnvelopeAsync(EnvelopeToSign envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        cancellationToken.ThrowIfCancellationRequested();
        var request = SignerResponses.Envelope(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, envelope);
        return ValueTask.FromResult(SignerResponses.ToOutcome(_core.Handle(request)));
    }

    public ValueTask<SignOutcome> SignFiberRequestAsync(EnvelopeToSign request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var frame = SignerResponses.Envelope(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, request, SignKinds.FiberRequest);
        return ValueTask.FromResult(SignerResponses.ToOutcome(_core.Handle(frame)));
    }

    public ValueTask<SignOutcome> SignWeightsAsync(WeightsToSign weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        cancellationToken.ThrowIfCancellationRequested();
        var request = SignerResponses.Weights(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, weights);
        return ValueTask.FromResult(SignerResponses.ToOutcome(_core.Handle(request)));
    }

    public ValueTask<SignOutcome> SignExtrinsicAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = SignerResponses.Extrinsic(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, payload.Span);
        return ValueTask.FromResult(SignerResponses.ToOutcome(_core.Handle(request)));
    }
}
