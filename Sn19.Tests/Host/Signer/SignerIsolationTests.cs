namespace Sn19.Tests.Host.Signer;

using System.Runtime.Versioning;
using System.Text;
using Sn19.Actors.Crypto;
using Sn19.Actors.Wire;
using Sn19.Host.Signer;

/// <summary>
/// Issue 5, "Must show" 4, with the isolation made by the operating system: the signer runs as this (root)
/// user and hands its 0600 socket to uid 65534; a client process running as uid 65534 is refused the key
/// files by the kernel, yet gets a valid signature through the socket, and is refused with a wrong token.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignerIsolationTests : IClassFixture<SignerFixture>, IAsyncLifetime
{
    private const int Nobody = 65534;

    private readonly SignerFixture _fixture;
    private readonly string _socket;
    private ChildProcessUnderTest _signer = null!;

    public SignerIsolationTests(SignerFixture fixture)
    {
        _fixture = fixture;
        _socket = Path.Join(fixture.Root, "shared", "signer.sock");
    }

    public async Task InitializeAsync()
    {
        Assert.True(Environment.UserName == "root", "these tests switch users with setpriv, which needs root");
        _signer = ChildProcessUnderTest.Start(
            "signer", "--socket-path", _socket, "--wallets-path", _fixture.WalletsPath, "--tokens-file", _fixture.TokensFile,
            "--set", $"signer.socket-owner-uid={Nobody}");
        await _signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SignerFixture.Patience);
    }

    public async Task DisposeAsync() => await _signer.DisposeAsync();

    [Fact]
    public async Task ClientAsOtherUser_CannotReadKeyFile_ButGetsSignatureThroughSocket()
    {
        var keyFile = Path.Join(_fixture.WalletsPath, "v", "hotkeys", "default");
        await using (var cat = ChildProcessUnderTest.RunAs(Nobody, ["cat", keyFile]))
        {
            Assert.NotEqual(0, await cat.WaitForExitAsync(SignerFixture.Patience));
            Assert.Contains(cat.Lines, l => l.Contains("Permission denied", StringComparison.Ordinal));
        }

        Assert.Equal(UnixFileType.Socket, UnixFileType.Of(_socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_socket));

        var body = Path.Join(_fixture.Root, "body.json");
        await File.WriteAllTextAsync(body, """{"model":"m","prompt":"isolated"}""");
        await using var client = ChildProcessUnderTest.StartAs(
            Nobody, "signer", "sign-envelope", "--socket-path", _socket, "--name", "validator",
            "--token-file", TokenFileFor(Nobody, _fixture.ValidatorToken), "--hotkey", "v/default",
            "--miner", _fixture.MinerKey.Ss58Address, "--body-file", body);

        Assert.True(await client.WaitForExitAsync(SignerFixture.Patience) == 0, string.Join('\n', client.Lines));
        var headers = client.Lines.Where(l => l.Contains(": ", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        Assert.Equal(_fixture.ValidatorKey.Ss58Address, headers[WireHeaders.ValidatorHotkey]);
        Assert.True(SignatureHex.TryParse(headers[WireHeaders.Signature], out var signature));
        var text = EnvelopeMessage.Compose(
            headers[WireHeaders.Nonce], _fixture.ValidatorKey.Ss58Address, _fixture.MinerKey.Ss58Address,
            EnvelopeMessage.HashBody(await File.ReadAllBytesAsync(body)));
        Assert.True(Sr25519.Verify(_fixture.ValidatorKey.PublicKey, Encoding.UTF8.GetBytes(text), signature));
    }

    [Fact]
    public async Task ClientAsOtherUser_WrongToken_RefusedExit2AndLogged()
    {
        await using var client = ChildProcessUnderTest.StartAs(
            Nobody, "signer", "sign-envelope", "--socket-path", _socket, "--name", "validator",
            "--token-file", TokenFileFor(Nobody, "not-the-token"), "--hotkey", "v/default",
            "--miner", _fixture.MinerKey.Ss58Address);

        Assert.Equal(2, await client.WaitForExitAsync(SignerFixture.Patience));
        Assert.Contains(client.Lines, l => l.Contains("Unauthenticated", StringComparison.Ordinal));
        await _signer.WaitForLineAsync(
            l => l.Contains("client=validator kind=address hotkey=v/default refused (wrong token)", StringComparison.Ordinal),
            SignerFixture.Patience);
    }

    /// <summary>A token file the other user owns, mode 0600, as that user's service would keep it.</summary>
    private string TokenFileFor(int uid, string token)
    {
        var path = Path.Join(_fixture.Root, $"token-{uid}-{Guid.NewGuid():N}");
        File.WriteAllText(path, token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        UnixOwnership.SetOwner(path, uid);
        return path;
    }
}
