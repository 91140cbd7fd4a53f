namespace Sn19.Tests.Actors.Crypto;

using Sn19.Actors.Crypto.Bip39;

public sealed class Bip39MnemonicTests
{
    // BIP-0039 reference vectors (trezor/python-mnemonic vectors.json): entropy ↔ phrase.
    [Theory]
    [InlineData("00000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")]
    [InlineData("7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow")]
    [InlineData("80808080808080808080808080808080", "letter advice cage absurd amount doctor acoustic avoid letter advice cage above")]
    [InlineData("ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art")]
    [InlineData("9e885d952ad362caeb4efe34a8e91bd2", "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic")]
    public void FromEntropy_AndBack_MatchesBip39Vectors(string entropyHex, string phrase)
    {
        Assert.Equal(phrase, Bip39Mnemonic.FromEntropy(Convert.FromHexString(entropyHex)));
        Assert.True(Bip39Mnemonic.TryToEntropy(phrase, out var entropy, out _));
        Assert.Equal(entropyHex, Convert.ToHexStringLower(entropy));
    }

    [Fact]
    public void ToMiniSecret_DevPhrase_IsSubstrateDevSeed()
    {
        var mini = Bip39Mnemonic.ToMiniSecret("bottom drive obey lake curtain smoke basket hold race lonely fit walk");

        Assert.Equal("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e", Convert.ToHexStringLower(mini));
    }

    [Fact]
    public void MiniSecretFromEntropy_SubstrateBip39Vector_UsesEntropyNotSeed()
    {
        // substrate-bip39's first vector (password "Substrate"): the first 32 bytes of its 64-byte seed.
        var mini = Bip39Mnemonic.MiniSecretFromEntropy(new byte[16], "Substrate");

        Assert.Equal("44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e3", Convert.ToHexStringLower(mini));
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon", "checksum")]
    [InlineData("abandon abandon abandon", "words")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon notaword", "not in the BIP-0039")]
    public void TryToEntropy_BadPhrase_FailsWithReason(string phrase, string reason)
    {
        Assert.False(Bip39Mnemonic.TryToEntropy(phrase, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    [InlineData(24)]
    public void Generate_EachAllowedLength_GivesValidDistinctPhrases(int words)
    {
        var a = Bip39Mnemonic.Generate(words);
        var b = Bip39Mnemonic.Generate(words);

        Assert.Equal(words, a.Split(' ').Length);
        Assert.True(Bip39Mnemonic.IsValid(a));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Generate_UnsupportedLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bip39Mnemonic.Generate(13));
    }
}
