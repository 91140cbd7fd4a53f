namespace Sn19.Tests.Host.Signer;

using System.Net.Sockets;
using System.Runtime.Versioning;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;
using Sn19.Tests.TestSupport;

/// <summary>
/// Regression (hardening issue, defect 4): the signer had no read or idle timeout, so 64 idle connections,
/// or 64 with three bytes of a frame header each, locked every client out. Here a signer with three slots
/// and a one-second frame timeout has every slot taken, and a real client is served all the same.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignerSlotsTests : IClassFixture<SignerFixture>, IAsyncLifetime
{
    private const int Slots = 3;
    private readonly SignerFixture _fixture;
    private readonly string _socket;
    private readonly List<Socket> _hogs = [];
    private Sn19Process _signer = null!;

    public SignerSlotsTests(SignerFixture fixture)
    {
        _fixture = fixture;
        _socket = Path.Join(fixture.Root, "slots-" + Guid.NewGuid().ToString("N")[..6], "signer.sock");
    }

    public async Task InitializeAsync()
    {
        _signer = _fixture.StartSigner(_socket, "--set", $"signer.max-connections={Slots}", "--set", "signer.frame-timeout=1s");
        await _signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SignerFixture.Patience);
    }

    public async Task DisposeAsync()
    {
        _hogs.ForEach(s => s.Dispose());
        await _signer.DisposeAsync();
    }

    [Fact]
    public async Task Connect_EverySlotHoldsPartOfAFrameHeader_NewClientIsServed()
    {
        for (var i = 0; i < Slots; i++)
        {
            var hog = await ConnectRawAsync();
            await hog.SendAsync(new byte[] { 0, 0, 1 });
        }

        Assert.True(await SignsAsync(), "a client was locked out by stalled frames");
        await _signer.WaitForLineAsync(l => l.Contains("frame not received within 1 s", StringComparison.Ordinal), SignerFixture.Patience);
    }

    [Fact]
    public async Task Connect_EverySlotIdle_NewClientTakesTheLongestIdlesPlace()
    {
        for (var i = 0; i < Slots; i++)
        {
            await ConnectRawAsync();
        }

        Assert.True(await SignsAsync(), "a client was locked out by idle connections");
        // The first connection was idle the longest: it is the one closed (its read ends at once).
        using var deadline = new CancellationTokenSource(SignerFixture.Patience);
        Assert.Equal(0, await _hogs[0].ReceiveAsync(new byte[1], SocketFlags.None, deadline.Token));
    }

    private async Task<Socket> ConnectRawAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _hogs.Add(socket);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket));
        return socket;
    }

    private async Task<bool> SignsAsync()
    {
        var options = _fixture.ClientOptions("validator", "v/default");
        options.SocketPath = _socket;
        var (client, outcome) = await SignerClient.ConnectAsync(options, _fixture.ValidatorToken, default);
        Assert.True(client is not null, outcome.Message);
        await using (client)
        {
            var signed = await client.SignEnvelopeAsync(
                new EnvelopeToSign(WireNonce.Create(TimeProvider.System), _fixture.MinerKey.Ss58Address, EnvelopeMessage.HashBody([])), default);
            return signed.IsSigned;
        }
    }
}
