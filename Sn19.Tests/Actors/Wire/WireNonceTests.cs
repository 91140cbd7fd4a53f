namespace Sn19.Tests.Actors.Wire;

using FsCheck;
using FsCheck.Fluent;
using Sn19.Actors.Wire;

public sealed class WireNonceTests
{
    [Fact]
    public void Create_StampsClockInNanosecondsAndTenAlphanumerics()
    {
        var clock = new FakeWireClock(DateTimeOffset.FromUnixTimeSeconds(1_726_000_000).AddTicks(1234567));
        var nonce = WireNonce.Create(clock);

        Assert.Matches("^[0-9]+_[A-Za-z0-9]{10}$", nonce);
        Assert.StartsWith("1726000000123456700_", nonce, StringComparison.Ordinal);
        Assert.True(WireNonce.TryParse(nonce, out var ns));
        Assert.Equal(1_726_000_000_123_456_700L, ns);
    }

    [Fact]
    public void Create_TwiceInTheSameTick_Differs()
    {
        var clock = new FakeWireClock(DateTimeOffset.UnixEpoch.AddDays(20_000));
        Assert.NotEqual(WireNonce.Create(clock), WireNonce.Create(clock));
    }

    [Theory]
    [InlineData("")]
    [InlineData("_abcdefghij")]
    [InlineData("123_abcdefghi")]
    [InlineData("123_abcdefghijk")]
    [InlineData("12a_abcdefghij")]
    [InlineData("-12_abcdefghij")]
    [InlineData("123_abcdefg.ij")]
    [InlineData("123_abcdéfghij")]
    [InlineData("99999999999999999999_abcdefghij")]
    [InlineData("123abcdefghij")]
    public void TryParse_Malformed_False(string nonce) => Assert.False(WireNonce.TryParse(nonce, out _));

    [Fact]
    public void TryParse_AnyCreatedNonce_RoundTripsItsTime()
    {
        var property = Prop.ForAll(
            Gen.Choose(0, int.MaxValue).Select(s => (long)s * 1_000_000_000L).ToArbitrary(),
            ticksNs =>
            {
                var clock = new FakeWireClock(DateTimeOffset.UnixEpoch.AddTicks(ticksNs / 100));
                return WireNonce.TryParse(WireNonce.Create(clock), out var parsed) && parsed == ticksNs;
            });
        Check.One(Config.QuickThrowOnFailure.WithReplay(7, 11), property);
    }
}
