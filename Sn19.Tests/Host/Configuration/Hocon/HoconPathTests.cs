namespace Sn19.Tests.Host.Configuration.Hocon;

using Sn19.Host.Configuration.Hocon;

public sealed class HoconPathTests
{
    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("a.b.c", new[] { "a", "b", "c" })]
    [InlineData("a.\"b.c\".d", new[] { "a", "b.c", "d" })]
    [InlineData("\"\".x", new[] { "", "x" })]
    [InlineData("10.5", new[] { "10", "5" })]
    [InlineData("  spaced key . x ", new[] { "spaced key ", " x" })]
    public void Parse_Expression_GivesSegments(string text, string[] segments)
    {
        Assert.Equal(segments, HoconPath.Parse(text).Segments);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("logging.overrides.\"Microsoft.AspNetCore\"")]
    [InlineData("a.\"with space\".\"q\\\"uote\"")]
    public void Render_ThenParse_RoundTrips(string text)
    {
        var path = HoconPath.Parse(text);

        Assert.Equal(text, path.ToString());
        Assert.Equal(path, HoconPath.Parse(path.ToString()));
    }
}
