namespace Sn19.Tests.Host.Signer;

using System.Runtime.Versioning;
using Sn19.Host.Signer;

/// <summary>How <c>sn19 signer</c> treats what it finds at its socket path, and how it stops.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignerStartupTests : IClassFixture<SignerFixture>
{
    private readonly SignerFixture _fixture;

    public SignerStartupTests(SignerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Start_RegularFileAtSocketPath_RefusesWithExit2AndLeavesIt()
    {
        var path = Path.Join(_fixture.Root, "not-a-socket");
        await File.WriteAllTextAsync(path, "precious");
        await using var signer = _fixture.StartSigner(path);

        Assert.Equal(2, await signer.WaitForExitAsync(SignerFixture.Patience));
        Assert.Contains(signer.Lines, l => l.Contains("is not a socket", StringComparison.Ordinal));
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Start_LiveSocketAtPath_RefusesWithExit2()
    {
        await using var second = _fixture.StartSigner(_fixture.SocketPath);
        Assert.Equal(2, await second.WaitForExitAsync(SignerFixture.Patience));
        Assert.Contains(second.Lines, l => l.Contains("another signer", StringComparison.Ordinal));
        Assert.Equal(UnixFileType.Socket, UnixFileType.Of(_fixture.SocketPath));
    }

    [Fact]
    public async Task Start_SocketLeftByCrashedSigner_ReplacedThenRemovedOnSigterm()
    {
        var path = Path.Join(_fixture.Root, "stale.sock");
        await using (var crashed = _fixture.StartSigner(path))
        {
            await crashed.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SignerFixture.Patience);
            crashed.KillHard();
            await crashed.WaitForExitAsync(SignerFixture.Patience);
        }

        Assert.Equal(UnixFileType.Socket, UnixFileType.Of(path));
        await using var signer = _fixture.StartSigner(path);
        await signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), SignerFixture.Patience);

        signer.Terminate();
        Assert.Equal(0, await signer.WaitForExitAsync(SignerFixture.Patience));
        Assert.Contains(signer.Lines, l => l.Contains("Signer stopped", StringComparison.Ordinal));
        Assert.Null(UnixFileType.Of(path));
    }

    [Fact]
    public async Task Start_KeyFileReadableByOthers_RefusesWithExit2()
    {
        var wallets = Path.Join(_fixture.Root, "loose-wallets");
        TestWallets.WriteHotkey(wallets, "v", "default");
        var keyFile = Path.Join(wallets, "v", "hotkeys", "default");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        await using var signer = ChildProcessUnderTest.Start(
            "signer", "--socket-path", Path.Join(_fixture.Root, "loose.sock"), "--wallets-path", wallets, "--tokens-file", _fixture.TokensFile);

        Assert.Equal(2, await signer.WaitForExitAsync(SignerFixture.Patience));
        Assert.Contains(signer.Lines, l => l.Contains("chmod 600", StringComparison.Ordinal));
    }
}
