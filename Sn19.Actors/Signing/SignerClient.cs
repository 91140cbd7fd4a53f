namespace Sn19.Actors.Signing;

/// <summary>
/// <see cref="IHotkeySigner"/> over the signer's Unix domain socket: the validator and miner processes sign
/// through this and never see a key file.
/// </summary>
internal sealed class SignerClient : IHotkeySigner, IAsyncDisposable
{
    private readonly SignerConnection _connection;
    private readonly string _client;
    private readonly string _token;
    private readonly string _hotkey;
    private long _nextId;

    private SignerClient(SignerConnection connection, string client, string token, string hotkey, string address)
    {
        _connection = connection;
        _client = client;
        _token = token;
        _hotkey = hotkey;
        HotkeyAddress = address;
    }

    public string HotkeyAddress { get; }

    /// <summary>
    /// Connects and asks for the hotkey's address, which also proves the token and the grant. A refusal
    /// comes back as the outcome with a null client.
    /// </summary>
    public static async Task<(SignerClient? Client, SignOutcome Outcome)> ConnectAsync(
        SignerClientOptions options, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = new SignerConnection(options.SocketPath, options.RequestTimeout);
        var response = await connection.SendAsync(
            new SignerRequest { Id = 0, Client = options.Name, Token = token, Hotkey = options.Hotkey, Kind = SignKinds.Address },
            cancellationToken);
        if (!response.Ok || !Wire.WireAddress.IsValid(response.Address))
        {
            await connection.DisposeAsync();
            var refusal = response.Ok ? SignRefusal.Unavailable : RefusalCodes.FromCode(response.Error);
            return (null, SignOutcome.Refused(refusal, response.Message ?? "the signer gave no address"));
        }

        var client = new SignerClient(connection, options.Name, token, options.Hotkey, response.Address!);
        return (client, SignOutcome.Signed(ReadOnlyMemory<byte>.Empty, response.Address!));
    }

    public async ValueTask<SignOutcome> SignEnvelopeAsync(EnvelopeToSign envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var request = SignerResponses.Envelope(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, envelope);
        return SignerResponses.ToOutcome(await _connection.SendAsync(request, cancellationToken));
    }

    public async ValueTask<SignOutcome> SignFiberRequestAsync(EnvelopeToSign request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = SignerResponses.Envelope(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, request, SignKinds.FiberRequest);
        return SignerResponses.ToOutcome(await _connection.SendAsync(frame, cancellationToken));
    }

    public async ValueTask<SignOutcome> SignWeightsAsync(WeightsToSign weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var request = SignerResponses.Weights(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, weights);
        return SignerResponses.ToOutcome(await _connection.SendAsync(request, cancellationToken));
    }

    public async ValueTask<SignOutcome> SignExtrinsicAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var request = SignerResponses.Extrinsic(Interlocked.Increment(ref _nextId), _client, _token, _hotkey, payload.Span);
        return SignerResponses.ToOutcome(await _connection.SendAsync(request, cancellationToken));
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
