namespace Sn19.Tests.Host.Signer;

using System.Runtime.Versioning;
using Sn19.Actors.Crypto;
using Sn19.Actors.Signing;
using Sn19.Tests.TestSupport;

/// <summary>
/// One real <c>sn19 signer</c> for a test class: a temporary wallet root with two hotkeys, a tokens file
/// made by <c>sn19 signer new-token</c> (validator: both kinds on v/default; miner: envelopes only on
/// m/default), and the signer serving a socket in the temporary directory.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignerFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Sn19Process? _signer;

    public string Root { get; } = Path.Join(Path.GetTempPath(), "sn19s-" + Guid.NewGuid().ToString("N")[..8]);

    public string SocketPath => Path.Join(Root, "run", "signer.sock");

    public string WalletsPath => Path.Join(Root, "wallets");

    public string TokensFile => Path.Join(Root, "signer-tokens.json");

    public Sr25519Keypair ValidatorKey { get; private set; } = null!;

    public Sr25519Keypair MinerKey { get; private set; } = null!;

    public string ValidatorToken { get; private set; } = string.Empty;

    public string MinerToken { get; private set; } = string.Empty;

    internal Sn19Process Signer => _signer!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        ValidatorKey = TestWallets.WriteHotkey(WalletsPath, "v", "default");
        MinerKey = TestWallets.WriteHotkey(WalletsPath, "m", "default");
        ValidatorToken = await NewTokenAsync("validator", "v/default", SignKinds.RequestEnvelope, SignKinds.Weights);
        MinerToken = await NewTokenAsync("miner", "m/default", SignKinds.RequestEnvelope);

        _signer = StartSigner(SocketPath);
        await _signer.WaitForLineAsync(l => l.Contains("Signer listening", StringComparison.Ordinal), Patience);
    }

    public async Task DisposeAsync()
    {
        if (_signer is not null)
        {
            await _signer.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    internal Sn19Process StartSigner(string socketPath, params string[] extra) =>
        Sn19Process.Start(["signer", "--socket-path", socketPath, "--wallets-path", WalletsPath, "--tokens-file", TokensFile, .. extra]);

    public SignerClientOptions ClientOptions(string name, string hotkey) => new()
    {
        SocketPath = SocketPath,
        Name = name,
        Hotkey = hotkey,
        RequestTimeout = Patience,
    };

    private async Task<string> NewTokenAsync(string name, string hotkey, params string[] kinds)
    {
        var tokenFile = Path.Join(Root, name + ".token");
        List<string> arguments = ["signer", "new-token", "--name", name, "--hotkey", hotkey, "--token-file", tokenFile, "--tokens-file", TokensFile];
        foreach (var kind in kinds)
        {
            arguments.AddRange(["--kind", kind]);
        }

        await using var process = Sn19Process.Start([.. arguments]);
        var code = await process.WaitForExitAsync(Patience);
        Assert.True(code == 0, string.Join('\n', process.Lines));
        return (await File.ReadAllTextAsync(tokenFile)).Trim();
    }
}
