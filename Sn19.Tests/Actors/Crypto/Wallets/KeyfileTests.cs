namespace Sn19.Tests.Actors.Crypto.Wallets;

using System.Text;
using System.Text.Json;
using Sn19.Actors.Crypto;
using Sn19.Actors.Crypto.Wallets;

public sealed class KeyfileTests : IDisposable
{
    // Argon2i minimums (3 passes, 8 KiB) keep format tests fast; the real limits are exercised by
    // KeyfileCipher_Bittensor_* below and by the `sn19 keys` process tests.
    private static readonly KeyfileCipher FastCipher = new(3, 8192);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sn19-keyfile-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void KeyfileData_FromKeypair_WritesBittensorFields()
    {
        var pair = Sr25519Keypair.FromPhrase(SecretUri.DevPhrase);
        var json = JsonDocument.Parse(KeyfileData.FromKeypair(pair, SecretUri.DevPhrase).ToJsonBytes()).RootElement;

        Assert.Equal(
            ["accountId", "publicKey", "privateKey", "secretPhrase", "secretSeed", "ss58Address"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", json.GetProperty("publicKey").GetString());
        Assert.Equal(json.GetProperty("publicKey").GetString(), json.GetProperty("accountId").GetString());
        Assert.Equal("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e", json.GetProperty("secretSeed").GetString());
        Assert.Equal(2 + 128, json.GetProperty("privateKey").GetString()!.Length);
        Assert.Equal("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", json.GetProperty("ss58Address").GetString());
    }

    [Fact]
    public void KeyfileData_PublicOnly_HoldsNoSecrets()
    {
        var data = KeyfileData.PublicOnly(Sr25519Keypair.FromSecretUri("//Alice").PublicKey);

        Assert.False(data.HasSecret);
        Assert.Null(data.PrivateKey);
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", data.Ss58Address);
    }

    [Theory]
    [InlineData("""{"secretSeed":"0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"}""")]
    [InlineData("""{"privateKey":"0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a","secretPhrase":null}""")]
    public void KeyfileData_Parse_BtwalletForms_GiveTheKey(string json)
    {
        // btwallet omits absent fields; the Python SDK wrote nulls; a 32-byte privateKey is a mini secret.
        var pair = KeyfileData.Parse(Encoding.UTF8.GetBytes(json))!.ToKeypair();

        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", pair.Ss58Address);
    }

    [Fact]
    public void KeyfileCipher_Encrypt_UsesNaclLayout_AndWrongPasswordFails()
    {
        var plain = "{\"a\":1}"u8.ToArray();
        var encrypted = FastCipher.Encrypt(plain, "right");

        Assert.Equal("$NACL"u8.ToArray(), encrypted[..5]);
        Assert.Equal(5 + 24 + 16 + plain.Length, encrypted.Length);
        Assert.Equal(KeyfileEncryption.NaCl, KeyfileCipher.Detect(encrypted));
        Assert.Equal(plain, FastCipher.Decrypt(encrypted, "right"));
        Assert.Null(FastCipher.Decrypt(encrypted, "wrong"));
    }

    [Fact]
    public void KeyfileCipher_Bittensor_DecryptsColdkeyEncryptedByPyNaCl()
    {
        var data = File.ReadAllBytes(Path.Combine(FixtureDirectory(), "pynacl-coldkey"));
        var plain = KeyfileCipher.Bittensor.Decrypt(data, "sn19-fixture-password");

        Assert.NotNull(plain);
        var keyfile = KeyfileData.Parse(plain)!;
        Assert.Equal("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV", keyfile.ToKeypair().Ss58Address);

        // The privateKey field alone (scalar ‖ nonce) gives the same key as the phrase.
        var fromPrivate = (keyfile with { SecretPhrase = null, SecretSeed = null }).ToKeypair();
        Assert.Equal(keyfile.PublicKeyBytes(), fromPrivate.PublicKeyBytes());
    }

    [Fact]
    public void Wallet_CreateKeys_WritesBittensorLayoutWithOwnerOnlyFiles()
    {
        var store = new WalletStore(_root, FastCipher);
        var wallet = store.Open("w1");
        var cold = Sr25519Keypair.FromSecretUri("//Alice");
        var hot = Sr25519Keypair.FromSecretUri("//Bob");

        Assert.Equal(KeyfileError.None, wallet.CreateColdkey(cold, null, "pw", overwrite: false));
        Assert.Equal(KeyfileError.None, wallet.CreateHotkey("h1", hot, null, null, overwrite: false));

        foreach (var file in new[] { "coldkey", "coldkeypub.txt", "hotkeys/h1", "hotkeys/h1pub.txt" })
        {
            var path = Path.Combine(_root, "w1", file);
            Assert.True(File.Exists(path), path);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.True(wallet.Coldkey.IsEncrypted);
        Assert.False(wallet.Hotkey("h1").IsEncrypted);
        Assert.Equal(cold.Ss58Address, wallet.ColdkeyPub.Read(null).Data!.Ss58Address);
        Assert.Null(wallet.ColdkeyPub.Read(null).Keypair);
        Assert.Equal(["h1"], wallet.HotkeyNames());
        Assert.Equal(["w1"], store.List().Select(w => w.Name));
        Assert.Equal(hot.PublicKeyBytes(), wallet.Hotkey("h1").Read(null).Keypair!.PublicKeyBytes());
    }

    [Fact]
    public void Wallet_ReadColdkey_PasswordRightWrongMissing_GiveKeyOrError()
    {
        var wallet = new WalletStore(_root, FastCipher).Open("w2");
        var cold = Sr25519Keypair.Generate();
        wallet.CreateColdkey(cold, null, "correct horse", overwrite: false);

        Assert.Equal(cold.PublicKeyBytes(), wallet.Coldkey.Read("correct horse").Keypair!.PublicKeyBytes());
        Assert.Equal(KeyfileError.WrongPassword, wallet.Coldkey.Read("battery staple").Error);
        Assert.Equal(KeyfileError.PasswordRequired, wallet.Coldkey.Read(null).Error);
    }

    [Fact]
    public void Keyfile_Write_ExistingWithoutOverwrite_IsRefused()
    {
        var wallet = new WalletStore(_root, FastCipher).Open("w3");
        wallet.CreateColdkey(Sr25519Keypair.Generate(), null, null, overwrite: false);

        Assert.Equal(KeyfileError.AlreadyExists, wallet.CreateColdkey(Sr25519Keypair.Generate(), null, null, overwrite: false));
        Assert.Equal(KeyfileError.None, wallet.CreateColdkey(Sr25519Keypair.Generate(), null, null, overwrite: true));
    }

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n3131", KeyfileError.UnsupportedEncryption)]
    [InlineData("gAAAAABkZ", KeyfileError.UnsupportedEncryption)]
    [InlineData("not json", KeyfileError.Corrupt)]
    [InlineData("$NACL", KeyfileError.Corrupt)]
    public void Keyfile_Read_UnusableContent_GivesError(string content, KeyfileError expected)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "odd");
        File.WriteAllText(path, content);

        Assert.Equal(expected, new Keyfile(path, FastCipher).Read("pw").Error);
    }

    [Fact]
    public void KeysOptions_Defaults_AreValid_AndBadValuesNameTheKey()
    {
        new KeysOptions().Validate();
        var error = Assert.Throws<ArgumentException>(() => new KeysOptions { MnemonicWords = 13 }.Validate());
        Assert.Contains("keys.mnemonic-words", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(".bittensor", "wallets"), new KeysOptions().ResolvedWalletsRoot(), StringComparison.Ordinal);
    }

    private static string FixtureDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sn19.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "Sn19.Tests", "Actors", "Crypto", "Wallets", "Fixtures");
    }
}
