namespace Sn19.Benchmarks.Actors.Subnet.Hostile;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;

/// <summary>The validator's own synthetic requests, shaped for a row, redrawn until prompt and answer fit the model's context.</summary>
internal sealed class RequestDraws(SyntheticPayloadGenerator generator, LocalInferenceBackend model)
{
    public TextRequest Draw(TextRequestKind kind, Random random, Func<TextRequest, TextRequest> shape)
    {
        while (true)
        {
            var drawn = kind == TextRequestKind.Chat ? generator.Chat("task", random) : generator.Completion("task", random);
            var request = shape(drawn) with { Seed = random.Next() };
            if (model.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length + request.MaxTokens + 1 <= model.Engine.ContextLength)
            {
                return request;
            }
        }
    }
}
