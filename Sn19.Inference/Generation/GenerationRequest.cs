namespace Sn19.Inference.Generation;

using Sn19.Inference.Sampling;
using Sn19.Inference.Tokenizers;

/// <summary>
/// What to generate: a completion <see cref="Prompt"/> (encoded with the vocabulary's BOS, like vLLM's
/// add_special_tokens=true) or chat <see cref="Messages"/> (rendered by the model's chat template with the
/// assistant's generation prompt). Exactly one of the two is set.
/// </summary>
public sealed record GenerationRequest
{
    public string? Prompt { get; init; }

    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    public int MaxTokens { get; init; } = 256;

    public SamplingParameters Sampling { get; init; } = new();

    /// <summary>How many alternatives each step reports (0 = none; at most 20, as OpenAI).</summary>
    public int TopLogProbs { get; init; }

    /// <summary>Strings that end generation; the text of the step that completes one stops before it.</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>Token ids that end generation (reported with <see cref="FinishReason.Stop"/>).</summary>
    public IReadOnlyList<int> StopTokenIds { get; init; } = [];

    /// <summary>Keep going past end-of-generation tokens (benchmarks).</summary>
    public bool IgnoreEos { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if ((Prompt is null) == (Messages is null))
        {
            throw new ArgumentException("Set exactly one of prompt and messages.");
        }

        if (MaxTokens < 1)
        {
            throw new ArgumentException($"max tokens must be at least 1; got {MaxTokens}.");
        }

        if (TopLogProbs is < 0 or > 20)
        {
            throw new ArgumentException($"top logprobs must be 0 to 20; got {TopLogProbs}.");
        }

        Sampling.Validate();
    }
}
