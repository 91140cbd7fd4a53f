namespace Sn19.Tests.Inference.Backends;

using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;
using Sn19.Inference.Backends;
using Sn19.Tests.TestSupport;

public sealed class InferenceOptionsTests
{
    [Fact]
    public void Bind_KebabCaseKeys_FillEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["inference:backend"] = "openai",
            ["inference:model-path"] = "/m.gguf",
            ["inference:engine:threads"] = "2",
            ["inference:engine:max-batch"] = "128",
            ["inference:engine:max-context"] = "512",
            ["inference:engine:max-concurrent-sequences"] = "3",
            ["inference:openai:base-url"] = "http://127.0.0.1:9000",
            ["inference:openai:model"] = "m",
            ["inference:openai:timeout"] = "00:00:05",
            ["inference:openai:eos-token-id"] = "2",
        }).Build();
        var options = configuration.GetSection("inference").Get<InferenceOptions>()!;
        options.Validate();
        Assert.Equal("openai", options.Backend);
        Assert.Equal((2, 128, 512, 3), (options.Engine.Threads, options.Engine.MaxBatch, options.Engine.MaxContext, options.Engine.MaxConcurrentSequences));
        Assert.Equal(new Uri("http://127.0.0.1:9000"), options.OpenAi.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), options.OpenAi.Timeout);
        Assert.Equal(2, options.OpenAi.EosTokenId);
    }

    [Fact]
    public void Defaults_FromTheRealHoconFiles_MatchTheClassDefaults()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest
        {
            Environment = new Dictionary<string, string>(),
            HoconDirectory = Path.Combine(TestPaths.RepositoryRoot, "hocon"),
        });
        var options = configuration.GetOptions<InferenceOptions>("inference");
        var defaults = new InferenceOptions();
        Assert.Equal(defaults.Backend, options.Backend);
        Assert.Equal(defaults.ModelPath, options.ModelPath);
        Assert.Equal((defaults.Engine.Threads, defaults.Engine.MaxBatch, defaults.Engine.MaxContext, defaults.Engine.MaxConcurrentSequences), (options.Engine.Threads, options.Engine.MaxBatch, options.Engine.MaxContext, options.Engine.MaxConcurrentSequences));
        Assert.Equal((defaults.OpenAi.BaseUrl, defaults.OpenAi.Model, defaults.OpenAi.Timeout, defaults.OpenAi.EosTokenId), (options.OpenAi.BaseUrl, options.OpenAi.Model, options.OpenAi.Timeout, options.OpenAi.EosTokenId));
    }

    [Fact]
    public void Validate_LocalWithoutModel_NamesTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new InferenceOptions().Validate());
        Assert.Contains("inference.model-path", error.Message, StringComparison.Ordinal);
    }
}
