namespace Sn19.Inference.Backends.OpenAi;

using Microsoft.Extensions.Configuration;

/// <summary>Where an OpenAI-compatible server (vLLM, llama.cpp server) is (HOCON <c>inference.openai</c>).</summary>
public sealed class OpenAiBackendOptions
{
    /// <summary>Server root, e.g. http://127.0.0.1:8000 (the client appends /v1/...).</summary>
    [ConfigurationKeyName("base-url")]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8000");

    /// <summary>The served model's name, sent as "model".</summary>
    [ConfigurationKeyName("model")]
    public string Model { get; set; } = string.Empty;

    /// <summary>Bearer token, when the server wants one.</summary>
    [ConfigurationKeyName("api-key")]
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Longest wait for a whole response or stream.</summary>
    [ConfigurationKeyName("timeout")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The model's end-of-sequence id, to report its log-probability when scoring (−1 = unknown).</summary>
    [ConfigurationKeyName("eos-token-id")]
    public int EosTokenId { get; set; } = -1;

    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"inference.openai.base-url must be an absolute http(s) URL; got '{BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("inference.openai.model must name the served model.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("inference.openai.timeout must be positive.");
        }
    }
}
