namespace Sn19.Tests.Actors.Wire;

using Sn19.Actors.Wire;

/// <summary>Listen addresses: an IP literal or localhost with a port; anything else is refused, never guessed.</summary>
public sealed class HostPortTests
{
    [Theory]
    [InlineData("127.0.0.1:8091", "127.0.0.1", 8091, "http://127.0.0.1:8091")]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0, "http://0.0.0.0:0")]
    [InlineData("localhost:65535", "localhost", 65535, "http://localhost:65535")]
    [InlineData("[::1]:19944", "::1", 19944, "http://[::1]:19944")]
    public void TryParse_Valid_HostPortAndUrl(string text, string host, int port, string url)
    {
        Assert.True(HostPort.TryParse(text, out var address, out var problem), problem);

        Assert.Equal(new HostPort(host, port), address);
        Assert.Equal(url, address.HttpUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("notahost")]
    [InlineData("127.0.0.1")]
    [InlineData(":8091")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("example.com:8091")]
    [InlineData("127.0.0.1:80a")]
    public void TryParse_Invalid_RefusedWithAReason(string? text)
    {
        Assert.False(HostPort.TryParse(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }
}
