namespace Sn19.Tests.Actors.Wire;

using Sn19.Actors.Wire;

public sealed class EnvelopeOptionsTests
{
    [Theory]
    [InlineData(256, (64 * 1024) + (256 * 64))]
    [InlineData(4096, (64 * 1024) + (4096 * 64))]
    [InlineData(1_000_000, 8 * 1024 * 1024)]
    [InlineData(null, 8 * 1024 * 1024)]
    public void BodyLimit_FollowsTheLargestContext_NeverAboveTheCeiling(int? context, long expected)
    {
        var options = new EnvelopeOptions();

        Assert.Equal(expected, options.BodyLimit(context));
        Assert.Equal(expected, options.ForLargestContext(context).MaxBodyBytes);
        Assert.Equal(8 * 1024 * 1024, options.MaxBodyBytes);
    }

    [Fact]
    public void Validate_NoUnverifiedSlots_NamesTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EnvelopeOptions { MaxUnverifiedPerValidator = 0 }.Validate());

        Assert.Contains("max-unverified-per-validator", error.Message, StringComparison.Ordinal);
    }
}
