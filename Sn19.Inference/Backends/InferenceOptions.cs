namespace Sn19.Inference.Backends;

using Microsoft.Extensions.Configuration;
using Sn19.Inference.Backends.OpenAi;
using Sn19.Inference.Generation;

/// <summary>The <c>inference</c> section (documented in hocon/defaults/inference.conf).</summary>
public sealed class InferenceOptions
{
    /// <summary>"local" (the embedded CPU engine) or "openai" (an OpenAI-compatible server such as vLLM).</summary>
    [ConfigurationKeyName("backend")]
    public string Backend { get; set; } = "local";

    /// <summary>GGUF model the local engine loads; empty = none configured.</summary>
    [ConfigurationKeyName("model-path")]
    public string ModelPath { get; set; } = string.Empty;

    [ConfigurationKeyName("engine")]
    public LocalEngineOptions Engine { get; set; } = new();

    [ConfigurationKeyName("openai")]
    public OpenAiBackendOptions OpenAi { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad key.</summary>
    public void Validate()
    {
        switch (Backend)
        {
            case "local":
                if (string.IsNullOrWhiteSpace(ModelPath))
                {
                    throw new ArgumentException("inference.model-path must name a GGUF file when inference.backend = local.");
                }

                Engine.Validate();
                break;
            case "openai":
                OpenAi.Validate();
                break;
            default:
                throw new ArgumentException($"inference.backend must be 'local' or 'openai'; got '{Backend}'.");
        }
    }
}
