namespace Sn19.Tests.Host.Keys;

using System.CommandLine;
using Sn19.Actors.Crypto;
using Sn19.Host.Cli;

/// <summary>`sn19 keys` sub-commands run in-process (no key encryption, so no Argon2 cost).</summary>
public sealed class KeysCommandTests : IDisposable
{
    private const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sn19-keys-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Regen_HotkeyFromMnemonic_GivesPhraseAddress_AndListShowsIt()
    {
        var regen = Run("keys", "regen", "--wallet", "w", "--hotkey", "h", "--mnemonic", DevPhrase, "--wallets-root", _root);
        Assert.Equal(0, regen.Code);
        Assert.Contains("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", regen.Out, StringComparison.Ordinal);

        var list = Run("keys", "list", "--wallets-root", _root);
        Assert.Equal(0, list.Code);
        Assert.Contains("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", list.Out, StringComparison.Ordinal);

        var again = Run("keys", "regen", "--wallet", "w", "--hotkey", "h", "--mnemonic", DevPhrase, "--wallets-root", _root);
        Assert.Equal(2, again.Code);
        Assert.Contains("--overwrite", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Regen_BadChecksum_ExitsTwo()
    {
        var result = Run("keys", "regen", "--wallet", "w", "--hotkey", "h", "--wallets-root", _root,
            "--mnemonic", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon");

        Assert.Equal(2, result.Code);
        Assert.Contains("checksum", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SignWithHotkey_ThenVerify_ValidAndTamperedInvalid()
    {
        Run("keys", "new-hotkey", "--wallet", "w", "--hotkey", "h", "--wallets-root", _root);
        var signed = Run("keys", "sign", "--wallet", "w", "--hotkey", "h", "--hex", "0x00ff10", "--wallets-root", _root);
        Assert.Equal(0, signed.Code);
        var pub = Path.Combine(_root, "w", "hotkeys", "hpub.txt");
        var address = System.Text.Json.JsonDocument.Parse(File.ReadAllText(pub)).RootElement.GetProperty("ss58Address").GetString()!;

        var valid = Run("keys", "verify", "--address", address, "--signature", signed.Out.Trim(), "--hex", "00ff10");
        var invalid = Run("keys", "verify", "--address", address, "--signature", signed.Out.Trim(), "--hex", "00ff11");

        Assert.Equal((0, "valid"), (valid.Code, valid.Out.Trim()));
        Assert.Equal((1, "invalid"), (invalid.Code, invalid.Out.Trim()));
    }

    [Fact]
    public void SignWithUri_VerifiesUnderAlice()
    {
        var signed = Run("keys", "sign", "--uri", "//Alice", "--message", "hello");

        Assert.Equal(0, signed.Code);
        Assert.True(Sr25519.Verify(
            Sr25519Keypair.FromSecretUri("//Alice").PublicKey, "hello"u8, Convert.FromHexString(signed.Out.Trim()[2..])));
    }

    [Theory]
    [InlineData("keys", "verify", "--address", "5Grw", "--signature", "00", "--message", "m")]
    [InlineData("keys", "sign", "--uri", "//Alice")]
    [InlineData("keys", "sign", "--message", "m")]
    [InlineData("keys", "inspect")]
    [InlineData("keys", "inspect", "--wallet", "missing", "--wallets-root", "/nonexistent/sn19-wallets")]
    [InlineData("keys", "new-hotkey", "--hotkey", "../escape", "--wallets-root", "/nonexistent/sn19-wallets")]
    public void BadInput_ExitsTwo(params string[] args)
    {
        var result = Run(args);

        Assert.Equal(2, result.Code);
        Assert.StartsWith("sn19 keys:", result.Error, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = RootCommandFactory.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
