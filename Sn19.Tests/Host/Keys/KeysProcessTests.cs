namespace Sn19.Tests.Host.Keys;

using System.Text.Json;

/// <summary>Issue 5, must-show 1 and 3, through the real `sn19` process.</summary>
public sealed class KeysProcessTests : IDisposable
{
    private const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sn19-keys-process-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("//Alice", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")]
    [InlineData("//Bob", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48")]
    public async Task Inspect_DevPhraseAccount_PrintsSubstrateAddress(string path, string address, string publicHex)
    {
        var result = await Sn19Process.RunAsync(["keys", "inspect", DevPhrase + path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Secret Key URI `{DevPhrase + path}` is account:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Public key (hex):  {publicHex}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Account ID:        {publicHex}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Public key (SS58): {address}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"SS58 Address:      {address}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coldkey_EncryptedBySn19_OpensWithPassword_WrongPasswordExitsTwo()
    {
        string[] where = ["--wallet", "cold", "--wallets-root", _root];
        var created = await Sn19Process.RunAsync(["keys", "new-coldkey", "--password", "s3cret pass", .. where]);
        Assert.Equal(0, created.ExitCode);
        var coldkeyPath = Path.Combine(_root, "cold", "coldkey");
        Assert.StartsWith("$NACL", File.ReadAllText(coldkeyPath), StringComparison.Ordinal);
        var address = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "cold", "coldkeypub.txt")))
            .RootElement.GetProperty("ss58Address").GetString()!;
        Assert.Contains(address, created.Stdout, StringComparison.Ordinal);

        // Right password: the key decrypts and signs, and the signature verifies against the public file.
        var signed = await Sn19Process.RunAsync(["keys", "sign", "--password", "s3cret pass", "--message", "round trip", .. where]);
        Assert.Equal(0, signed.ExitCode);
        var signature = signed.Stdout.Trim();
        var verified = await Sn19Process.RunAsync(
            ["keys", "verify", "--address", address, "--signature", signature, "--message", "round trip"]);
        Assert.Equal((0, "valid"), (verified.ExitCode, verified.Stdout.Trim()));

        // Wrong password: one clear line, exit code 2, no stack trace.
        var wrong = await Sn19Process.RunAsync(["keys", "sign", "--password", "not it", "--message", "x", .. where]);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("wrong password", wrong.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, wrong.Stdout);
    }

    [Fact]
    public async Task Coldkey_NoPasswordAndNoTerminal_ExitsTwoAndWritesNothing()
    {
        var result = await Sn19Process.RunAsync(["keys", "new-coldkey", "--wallet", "nopw", "--wallets-root", _root]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("password", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "nopw", "coldkey")));
    }

    [Fact]
    public async Task Inspect_MalformedUri_ExitsTwoWithoutStackTrace()
    {
        var result = await Sn19Process.RunAsync(["keys", "inspect", "no such words at all//x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sn19 keys:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
