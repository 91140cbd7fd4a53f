namespace Sn19.Tests.Host.Logging;

using Sn19.Host.Configuration;
using Sn19.Host.Logging;

public sealed class LoggingOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new LoggingOptions().Validate("logging");
    }

    [Theory]
    [InlineData("retained-files")]
    [InlineData("max-size")]
    [InlineData("flush-interval")]
    public void Validate_OutOfRangeFileSetting_NamesKey(string key)
    {
        var options = new LoggingOptions();
        switch (key)
        {
            case "retained-files": options.File.RetainedFiles = 0; break;
            case "max-size": options.File.MaxSize = new ByteSize(10); break;
            default: options.File.FlushInterval = TimeSpan.Zero; break;
        }

        var e = Assert.Throws<ConfigurationException>(() => options.Validate("logging"));

        Assert.Equal("logging.file." + key, e.Key);
        Assert.Contains($"key 'logging.file.{key}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5341")]
    [InlineData("ftp://seq.example/")]
    public void Validate_SeqUrlNotHttp_NamesKey(string url)
    {
        var options = new LoggingOptions { Seq = { Url = url } };

        var e = Assert.Throws<ConfigurationException>(() => options.Validate("logging"));

        Assert.Equal("logging.seq.url", e.Key);
    }
}
