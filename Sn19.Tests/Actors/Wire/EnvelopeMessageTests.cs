namespace Sn19.Tests.Actors.Wire;

using Sn19.Actors.Wire;

public sealed class EnvelopeMessageTests
{
    private const string Alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private const string Bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    [Fact]
    public void HashBody_Empty_IsSha256OfNothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EnvelopeMessage.HashBody([]));

    [Fact]
    public void Compose_JoinsFieldsWithDots()
    {
        var text = EnvelopeMessage.Compose("1726000000000000000_abcDEF1234", Alice, Bob, EnvelopeMessage.HashBody("{}"u8));
        Assert.Equal(
            "1726000000000000000_abcDEF1234." + Alice + "." + Bob + ".44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            text);
    }

    [Theory]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", false)]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", false)]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false)]
    public void IsSha256Hex_OnlyLowercase64(string text, bool expected) => Assert.Equal(expected, EnvelopeMessage.IsSha256Hex(text));

    [Fact]
    public void SignatureHex_FormatThenParse_RoundTrips()
    {
        var signature = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
        var text = SignatureHex.Format(signature);
        Assert.StartsWith("0x", text, StringComparison.Ordinal);
        Assert.Equal(130, text.Length);
        Assert.True(SignatureHex.TryParse(text, out var parsed));
        Assert.Equal(signature, parsed);
        Assert.True(SignatureHex.TryParse(text[2..].ToUpperInvariant(), out parsed));
        Assert.Equal(signature, parsed);
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x00")]
    [InlineData("zz")]
    public void SignatureHex_Malformed_False(string text) => Assert.False(SignatureHex.TryParse(text, out _));

    [Theory]
    [InlineData(Alice, true)]
    [InlineData(Bob, true)]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", false)]
    [InlineData("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ", false)]
    [InlineData("", false)]
    public void WireAddress_IsValid_ChecksChecksum(string address, bool expected) =>
        Assert.Equal(expected, WireAddress.IsValid(address));
}
