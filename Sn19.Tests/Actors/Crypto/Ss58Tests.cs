namespace Sn19.Tests.Actors.Crypto;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Crypto;

public sealed class Ss58Tests
{
    private const string AlicePublic = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

    [Theory]
    [InlineData(42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData(0, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")]
    [InlineData(2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F")]
    public void Encode_AlicePublicKey_MatchesKnownAddresses(ushort prefix, string address)
    {
        Assert.Equal(address, Ss58.Encode(Convert.FromHexString(AlicePublic), prefix));
    }

    [Fact]
    public void TryDecode_AliceAddress_GivesKeyAndPrefix42()
    {
        Assert.True(Ss58.TryDecode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", out var key, out var prefix));
        Assert.Equal(AlicePublic, Convert.ToHexStringLower(key));
        Assert.Equal(42, prefix);
    }

    [Theory]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut")]
    [InlineData("0GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData("")]
    public void TryDecode_CorruptAddress_IsRejected(string address)
    {
        Assert.False(Ss58.TryDecode(address, out _, out _));
    }

    [Fact]
    public void EncodeThenDecode_AnyKeyAndPrefix_RoundTrips()
    {
        // One- and two-byte prefixes (0..63 and 64..16383), random keys.
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 16383)),
            Arb.From(Gen.Choose(0, int.MaxValue)),
            (prefix, seed) =>
            {
                var key = new byte[32];
                new Random(seed).NextBytes(key);
                var address = Ss58.Encode(key, (ushort)prefix);
                return Ss58.TryDecode(address, out var decoded, out var decodedPrefix)
                    && decoded.AsSpan().SequenceEqual(key) && decodedPrefix == prefix;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_TwoBytePrefix_UsesSubstratePackedLayout()
    {
        // sp-core's packed layout: prefix 255 → 0b01_111111, 0b11_000000 (bits 2..7, then bits 0..1 and 8..13).
        var address = Ss58.Encode(Convert.FromHexString(AlicePublic), 255);
        Assert.True(Base58.TryDecode(address, out var raw));
        Assert.Equal([0x7f, 0xc0], raw[..2]);
        Assert.Equal(2 + 32 + 2, raw.Length);
    }
}
