namespace Sn19.Tests.Actors.Crypto;

using Sn19.Actors.Crypto;

public sealed class Sr25519KeypairTests
{
    private const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    [Theory]
    [InlineData("//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData("//Bob", "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")]
    [InlineData(DevPhrase + "//Alice", "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    public void FromSecretUri_DevAccounts_GiveSubstrateKeys(string uri, string publicHex, string address)
    {
        var pair = Sr25519Keypair.FromSecretUri(uri);

        Assert.Equal(publicHex, Convert.ToHexStringLower(pair.PublicKey));
        Assert.Equal(address, pair.Ss58Address);
    }

    [Fact]
    public void FromSecretUri_Alice_SeedMatchesSubkey()
    {
        // `subkey inspect //Alice`: Secret seed 0xe5be9a50…5c0a.
        var pair = Sr25519Keypair.FromSecretUri("//Alice");

        Assert.True(pair.HasMiniSecret);
        Assert.Equal("e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a", Convert.ToHexStringLower(pair.MiniSecret));
    }

    [Fact]
    public void FromSecretUri_DevPhrase_GivesDevSeedAndKnownSecret()
    {
        var pair = Sr25519Keypair.FromSecretUri(DevPhrase);

        Assert.Equal("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e", Convert.ToHexStringLower(pair.MiniSecret));
        Assert.Equal("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", Convert.ToHexStringLower(pair.PublicKey));
    }

    [Fact]
    public void FromSecretUri_SoftJunction_MatchesPolkadotJsVector()
    {
        // schnorrkel-js / polkadot-js "derive soft known": dev key, chain code SCALE("foo").
        var pair = Sr25519Keypair.FromSecretUri(DevPhrase + "/foo");

        Assert.Equal("40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a", Convert.ToHexStringLower(pair.PublicKey));
        Assert.False(pair.HasMiniSecret);
    }

    [Fact]
    public void DerivePublicSoft_FromPublicKeyOnly_MatchesSecretDerivation()
    {
        var parent = Sr25519Keypair.FromSecretUri(DevPhrase);
        var child = Sr25519Keypair.DerivePublicSoft(parent.PublicKey, DeriveJunction.Parse("foo", isHard: false));

        Assert.Equal("40b9675df90efa6069ff623b0fdfcf706cd47ca7452a5056c7ad58194d23440a", Convert.ToHexStringLower(child!));
    }

    [Fact]
    public void Sign_ThenVerify_Succeeds_AndTamperedMessageFails()
    {
        var pair = Sr25519Keypair.FromSecretUri("//Alice");
        var message = "hello sn19"u8.ToArray();
        var signature = pair.Sign(message);

        Assert.Equal(64, signature.Length);
        Assert.True((signature[63] & 0x80) != 0);
        Assert.True(Sr25519.Verify(pair.PublicKey, message, signature));
        Assert.False(Sr25519.Verify(pair.PublicKey, "hello sn20"u8, signature));
        Assert.False(Sr25519.Verify(Sr25519Keypair.FromSecretUri("//Bob").PublicKey, message, signature));
    }

    [Fact]
    public void Sign_SignatureWithoutMarkerBit_IsRejected()
    {
        var pair = Sr25519Keypair.Generate();
        var signature = pair.Sign([1, 2, 3]);
        signature[63] &= 0x7f;

        Assert.False(Sr25519.Verify(pair.PublicKey, [1, 2, 3], signature));
    }

    [Fact]
    public void SecretKeyBytes_RoundTrip_GivesSamePublicKeyAndWorkingSignatures()
    {
        var pair = Sr25519Keypair.FromSecretUri("//Alice//stash");
        var again = Sr25519Keypair.FromSecretKey(pair.SecretKeyBytes());

        Assert.Equal(pair.PublicKeyBytes(), again.PublicKeyBytes());
        Assert.True(pair.Verify([9], again.Sign([9])));
    }

    [Fact]
    public void VerifyRawOrWrapped_PolkadotJsBytesWrapping_IsAccepted()
    {
        var pair = Sr25519Keypair.Generate();
        var wrappedSignature = pair.Sign("<Bytes>payload</Bytes>"u8);

        Assert.False(Sr25519.Verify(pair.PublicKey, "payload"u8, wrappedSignature));
        Assert.True(Sr25519.VerifyRawOrWrapped(pair.PublicKey, "payload"u8, wrappedSignature));
        Assert.True(Sr25519.VerifyRawOrWrapped(pair.PublicKey, "payload"u8, pair.Sign("payload"u8)));
        Assert.False(Sr25519.VerifyRawOrWrapped(pair.PublicKey, "payloaD"u8, wrappedSignature));
    }

    [Fact]
    public void Sign_WithFixedRandomness_IsDeterministic_AndStillVerifies()
    {
        var pair = Sr25519Keypair.FromSecretUri("//Alice");
        var a = pair.Sign("m"u8, r => r.Fill(7));
        var b = pair.Sign("m"u8, r => r.Fill(7));
        var c = pair.Sign("m"u8, r => r.Fill(8));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(pair.Verify("m"u8, c));
    }

    [Fact]
    public void Verify_NonCanonicalS_IsRejected()
    {
        var pair = Sr25519Keypair.Generate();
        var signature = pair.Sign("m"u8);

        // s + l encodes the same scalar mod l but is not reduced: schnorrkel rejects it.
        var l = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var s = signature.AsSpan(32, 32).ToArray();
        s[31] &= 0x7f;
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = s[i] + l[i] + carry;
            s[i] = (byte)sum;
            carry = sum >> 8;
        }

        s.CopyTo(signature, 32);
        signature[63] |= 0x80;
        Assert.False(Sr25519.Verify(pair.PublicKey, "m"u8, signature));
    }

    [Fact]
    public void SecretKey_PolkadotJsEd25519Form_GivesDevPublicKey_AndSameScalarAsExpansion()
    {
        // schnorrkel-js "derive hard known" key pair: Ed25519-form secret (scalar·8 ‖ nonce) of the dev seed.
        var ed25519Form = Convert.FromHexString(
            "28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51" +
            "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34");
        var secret = Sn19.Actors.Crypto.Schnorrkel.Sr25519SecretKey.FromEd25519Bytes(ed25519Form)!;
        var expanded = Sn19.Actors.Crypto.Schnorrkel.Sr25519SecretKey.FromMiniSecret(
            Convert.FromHexString("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e"));

        Assert.Equal("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a", Convert.ToHexStringLower(secret.PublicKey));
        Assert.Equal(expanded.ToBytes(), secret.ToBytes());
    }
}
