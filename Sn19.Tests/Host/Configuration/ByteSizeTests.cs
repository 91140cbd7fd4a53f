namespace Sn19.Tests.Host.Configuration;

using Sn19.Host.Configuration;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512MiB", 512L * 1024 * 1024)]
    [InlineData("64 KB", 64_000L)]
    [InlineData("64kB", 64_000L)]
    [InlineData("10M", 10L * 1024 * 1024)]
    [InlineData("1.5 GiB", 3L * 512 * 1024 * 1024)]
    [InlineData("4096", 4096L)]
    [InlineData("2 bytes", 2L)]
    [InlineData("3 kibibytes", 3072L)]
    [InlineData("1 TB", 1_000_000_000_000L)]
    public void TryParse_HoconSize_GivesBytes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var value));
        Assert.Equal(bytes, value.Bytes);
    }

    [Theory]
    [InlineData("big")]
    [InlineData("-5MiB")]
    [InlineData("5 XB")]
    [InlineData("99999999999 TiB")]
    public void TryParse_NotASize_Fails(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Fact]
    public void ToString_UsesLargestExactBinaryUnit()
    {
        Assert.Equal("64MiB", ByteSize.FromMebibytes(64).ToString());
        Assert.Equal("1536KiB", new ByteSize(1536 * 1024).ToString());
        Assert.Equal("100B", new ByteSize(100).ToString());
    }
}
