namespace Sn19.Tests.Actors.Crypto;

using Sn19.Actors.Crypto.Sodium;

public sealed class SodiumPrimitivesTests
{
    [Fact]
    public void Library_IsTheOneNSecBrings_NotASystemPackage()
    {
        // ristretto255 goes through libsodium directly; the copy loaded must be the app's own (NuGet's
        // libsodium package under runtimes/), so a machine without Debian's libsodium23 runs the same.
        var point = new byte[32];
        var scalar = new byte[32];
        scalar[0] = 7;
        Assert.True(Ristretto255.MultiplyBase(point, scalar));
        Assert.True(Ristretto255.IsValidPoint(point));
        var loaded = File.ReadLines("/proc/self/maps").Where(l => l.Contains("libsodium", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('/', StringComparison.Ordinal))..]).Distinct().ToList();

        Assert.NotEmpty(loaded);
        Assert.All(loaded, path => Assert.StartsWith(Path.Combine(AppContext.BaseDirectory, "runtimes"), path, StringComparison.Ordinal));
    }

    [Fact]
    public void Blake2b_KnownVectors_Match()
    {
        // RFC 7693 appendix A (BLAKE2b-512 of "abc") and the empty-input BLAKE2b-256.
        Assert.Equal(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Convert.ToHexStringLower(Blake2b.Hash("abc"u8, 64)));
        Assert.Equal(
            "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
            Convert.ToHexStringLower(Blake2b.Hash([], 32)));
    }

    [Fact]
    public void Ed25519_Rfc8032Test1_MatchesPublicKeyAndSignature()
    {
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var publicKey = Ed25519.PublicKeyFromSeed(seed);
        var signature = Ed25519.Sign(seed, []);

        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(publicKey));
        Assert.Equal(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            Convert.ToHexStringLower(signature));
        Assert.True(Ed25519.Verify(publicKey, [], signature));
        Assert.False(Ed25519.Verify(publicKey, [0], signature));
    }

    [Fact]
    public void SecretBox_SealThenOpen_RoundTrips_AndWrongKeyFails()
    {
        var key = SodiumRandom.Bytes(SecretBox.KeyLength);
        var nonce = SodiumRandom.Bytes(SecretBox.NonceLength);
        var box = SecretBox.Seal("keyfile"u8, nonce, key);

        Assert.Equal(7 + SecretBox.MacLength, box.Length);
        Assert.Equal("keyfile"u8.ToArray(), SecretBox.Open(box, nonce, key));
        key[0] ^= 1;
        Assert.Null(SecretBox.Open(box, nonce, key));
    }

    [Fact]
    public void Argon2i_SensitiveLimits_AreLibsodiumsValues()
    {
        Assert.Equal(8UL, Argon2i.OpsLimitSensitive);
        Assert.Equal(536_870_912UL, Argon2i.MemLimitSensitive);
    }

    [Fact]
    public void Ristretto255_CanonicalScalarCheck_RejectsOrderAndAbove()
    {
        var order = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var belowOrder = (byte[])order.Clone();
        belowOrder[0]--;

        Assert.False(Ristretto255.IsCanonicalScalar(order));
        Assert.True(Ristretto255.IsCanonicalScalar(belowOrder));
        Assert.True(Ristretto255.IsCanonicalScalar(new byte[32]));
    }
}
