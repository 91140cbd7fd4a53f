namespace Sn19.Tests.Actors.Crypto;

using Sn19.Actors.Crypto;

public sealed class SecretUriTests
{
    [Fact]
    public void TryParse_PhraseHardSoftPassword_SplitsAllParts()
    {
        Assert.True(SecretUri.TryParse("bottom drive obey lake curtain smoke basket hold race lonely fit walk//hard/soft///my pass", out var uri));

        Assert.Equal(SecretUri.DevPhrase, uri!.Phrase);
        Assert.Equal([true, false], uri.Junctions.Select(j => j.IsHard));
        Assert.Equal("my pass", uri.Password);
    }

    [Fact]
    public void TryParse_PathOnly_UsesDevPhrase()
    {
        Assert.True(SecretUri.TryParse("//Alice", out var uri));

        Assert.Equal(SecretUri.DevPhrase, uri!.Phrase);
        Assert.Null(uri.Password);
        Assert.Equal("14416c6963650000000000000000000000000000000000000000000000000000", Convert.ToHexStringLower(uri.Junctions[0].ChainCode));
    }

    [Fact]
    public void DeriveJunction_Number_IsU64LittleEndian()
    {
        var junction = DeriveJunction.Parse("258", isHard: true);

        Assert.Equal("0201000000000000000000000000000000000000000000000000000000000000", Convert.ToHexStringLower(junction.ChainCode));
    }

    [Fact]
    public void DeriveJunction_LongName_IsBlake2b256OfScaleEncoding()
    {
        var name = new string('x', 40);
        var junction = DeriveJunction.Parse(name, isHard: false);
        byte[] scale = [40 << 2, .. System.Text.Encoding.UTF8.GetBytes(name)];

        Assert.Equal(Sn19.Actors.Crypto.Sodium.Blake2b.Hash(scale, 32), junction.ChainCode);
    }

    [Theory]
    [InlineData("0x1234//Alice")]
    [InlineData("not a valid mnemonic phrase")]
    [InlineData("a/b/c")]
    public void FromSecretUri_BadSecret_ThrowsFormatException(string uri)
    {
        Assert.Throws<FormatException>(() => Sr25519Keypair.FromSecretUri(uri));
    }

    [Fact]
    public void FromSecretUri_PasswordChangesKey_AndOverrideWins()
    {
        var plain = Sr25519Keypair.FromSecretUri(SecretUri.DevPhrase);
        var withPassword = Sr25519Keypair.FromSecretUri(SecretUri.DevPhrase + "///pw");
        var overridden = Sr25519Keypair.FromSecretUri(SecretUri.DevPhrase, "pw");

        Assert.NotEqual(plain.PublicKeyBytes(), withPassword.PublicKeyBytes());
        Assert.Equal(withPassword.PublicKeyBytes(), overridden.PublicKeyBytes());
    }

    [Fact]
    public void ToString_SecretUriAndKeyfileData_NeverShowSecrets()
    {
        Assert.True(SecretUri.TryParse(SecretUri.DevPhrase + "//a///hunter2", out var uri));
        var data = Sn19.Actors.Crypto.Wallets.KeyfileData.FromKeypair(Sr25519Keypair.FromPhrase(SecretUri.DevPhrase), SecretUri.DevPhrase);

        Assert.DoesNotContain("hunter2", uri!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bottom", uri.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bottom", data.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(data.PrivateKey!, data.ToString(), StringComparison.Ordinal);
    }
}
