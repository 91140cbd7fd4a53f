namespace Sn19.Tests.Host.Signer;

using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Actors.Wire;
using Sn19.Host.Signer;

/// <summary>
/// Issue 5, "Must show" 4: the real <c>sn19 signer</c> process holds the keys; this test process never opens a
/// key file and gets signatures only through the socket; a wrong token and a disallowed or unknown kind are
/// refused, and each decision appears in the signer's own log output.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignerProcessTests : IClassFixture<SignerFixture>
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SignerFixture _fixture;

    public SignerProcessTests(SignerFixture fixture) => _fixture = fixture;

    [Fact]
    public void Files_KeyFilesTokensAndSocket_AreOwnerOnly()
    {
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Join(_fixture.WalletsPath, "v", "hotkeys", "default")));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Join(_fixture.WalletsPath, "m", "hotkeys", "default")));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_fixture.TokensFile));
        Assert.Equal(UnixFileType.Socket, UnixFileType.Of(_fixture.SocketPath));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_fixture.SocketPath));
        Assert.DoesNotContain(_fixture.ValidatorToken, File.ReadAllText(_fixture.TokensFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_Envelope_SignedByTheHotkeyThroughTheSocket()
    {
        var (client, outcome) = await SignerClient.ConnectAsync(_fixture.ClientOptions("validator", "v/default"), _fixture.ValidatorToken, default);
        Assert.NotNull(client);
        await using (client)
        {
            Assert.Equal(_fixture.ValidatorKey.Ss58Address, client.HotkeyAddress);
            var nonce = WireNonce.Create(TimeProvider.System);
            var hash = EnvelopeMessage.HashBody("""{"prompt":"hi"}"""u8);
            var signed = await client.SignEnvelopeAsync(new EnvelopeToSign(nonce, _fixture.MinerKey.Ss58Address, hash), default);

            Assert.True(signed.IsSigned, signed.Message);
            var text = EnvelopeMessage.Compose(nonce, _fixture.ValidatorKey.Ss58Address, _fixture.MinerKey.Ss58Address, hash);
            Assert.True(Sr25519.Verify(_fixture.ValidatorKey.PublicKey, Encoding.UTF8.GetBytes(text), signed.Signature.Span));
        }

        await _fixture.Signer.WaitForLineAsync(
            l => l.Contains("client=validator kind=request-envelope hotkey=v/default allowed", StringComparison.Ordinal), SignerFixture.Patience);
    }

    [Fact]
    public async Task Client_Weights_SignedOverCanonicalEncoding()
    {
        var (client, _) = await SignerClient.ConnectAsync(_fixture.ClientOptions("validator", "v/default"), _fixture.ValidatorToken, default);
        await using (client!)
        {
            var weights = new WeightsToSign(19, [0, 1, 2], [65535, 32768, 1], 1_000_000);
            var signed = await client!.SignWeightsAsync(weights, default);

            Assert.True(signed.IsSigned, signed.Message);
            Assert.True(Sr25519.Verify(_fixture.ValidatorKey.PublicKey, WeightsMessage.TryEncode(weights, out _), signed.Signature.Span));
        }
    }

    [Fact]
    public async Task Client_WrongToken_RefusedAndLogged()
    {
        var (client, outcome) = await SignerClient.ConnectAsync(_fixture.ClientOptions("validator", "v/default"), "not-the-token", default);

        Assert.Null(client);
        Assert.Equal(SignRefusal.Unauthenticated, outcome.Refusal);
        await _fixture.Signer.WaitForLineAsync(
            l => l.Contains("client=validator kind=address hotkey=v/default refused (wrong token)", StringComparison.Ordinal), SignerFixture.Patience);
    }

    [Fact]
    public async Task Client_KindNotGranted_RefusedAndLogged()
    {
        var (client, _) = await SignerClient.ConnectAsync(_fixture.ClientOptions("miner", "m/default"), _fixture.MinerToken, default);
        await using (client!)
        {
            var refused = await client!.SignWeightsAsync(new WeightsToSign(19, [0], [1], 0), default);
            Assert.Equal(SignRefusal.NotPermitted, refused.Refusal);
            Assert.True(refused.Signature.IsEmpty);
        }

        await _fixture.Signer.WaitForLineAsync(
            l => l.Contains("client=miner kind=weights hotkey=m/default refused (kind not granted to this client)", StringComparison.Ordinal),
            SignerFixture.Patience);
    }

    [Fact]
    public async Task Connection_UnknownKind_RefusedAndLogged()
    {
        await using var connection = new SignerConnection(_fixture.SocketPath, SignerFixture.Patience);
        var response = await connection.SendAsync(
            new SignerRequest { Id = 5, Client = "validator", Token = _fixture.ValidatorToken, Hotkey = "v/default", Kind = "raw-bytes" },
            default);

        Assert.False(response.Ok);
        Assert.Equal(5, response.Id);
        Assert.Equal("unknown-kind", response.Error);
        await _fixture.Signer.WaitForLineAsync(
            l => l.Contains("client=validator kind=raw-bytes hotkey=v/default refused (unknown kind)", StringComparison.Ordinal), SignerFixture.Patience);
    }

    [Fact]
    public async Task Connection_OtherClientsHotkey_Refused()
    {
        await using var connection = new SignerConnection(_fixture.SocketPath, SignerFixture.Patience);
        var response = await connection.SendAsync(
            new SignerRequest { Id = 6, Client = "miner", Token = _fixture.MinerToken, Hotkey = "v/default", Kind = SignKinds.Address },
            default);
        Assert.Equal("not-permitted", response.Error);
    }

    [Fact]
    public async Task Connection_OversizedFrame_AnsweredTooLargeAndClosed()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_fixture.SocketPath));
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF });

        var (status, payload) = await SignerFraming.ReadAsync(stream, 4096, default);
        Assert.Equal(FrameRead.Ok, status);
        Assert.Contains("too-large", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.Equal(FrameRead.EndOfStream, (await SignerFraming.ReadAsync(stream, 4096, default)).Status);
    }

    [Fact]
    public async Task HotkeySigners_TokenFile_ConnectsAsTheGrantedHotkey()
    {
        var options = _fixture.ClientOptions("validator", "v/default");
        options.TokenFile = Path.Join(_fixture.Root, "validator.token");
        var (signer, problem) = await HotkeySigners.ConnectAsync(options, default);

        Assert.NotNull(signer);
        Assert.Empty(problem);
        Assert.Equal(_fixture.ValidatorKey.Ss58Address, signer.HotkeyAddress);
        await ((IAsyncDisposable)signer).DisposeAsync();
    }

    [Fact]
    public async Task HotkeySigners_TokenFileReadableByOthers_Refused()
    {
        var loose = Path.Join(_fixture.Root, "loose.token");
        await File.WriteAllTextAsync(loose, _fixture.ValidatorToken);
        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var options = _fixture.ClientOptions("validator", "v/default");
        options.TokenFile = loose;

        var (signer, problem) = await HotkeySigners.ConnectAsync(options, default);
        Assert.Null(signer);
        Assert.Contains("chmod 600", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_Concurrent_AllSigned()
    {
        var tasks = Enumerable.Range(0, 6).Select(async _ =>
        {
            var (client, _) = await SignerClient.ConnectAsync(_fixture.ClientOptions("validator", "v/default"), _fixture.ValidatorToken, default);
            await using (client!)
            {
                var ok = 0;
                for (var i = 0; i < 20; i++)
                {
                    var hash = EnvelopeMessage.HashBody(BitConverter.GetBytes(i));
                    var signed = await client!.SignEnvelopeAsync(
                        new EnvelopeToSign(WireNonce.Create(TimeProvider.System), _fixture.MinerKey.Ss58Address, hash), default);
                    ok += signed.IsSigned ? 1 : 0;
                }

                return ok;
            }
        });
        Assert.Equal(6 * 20, (await Task.WhenAll(tasks)).Sum());
    }
}
