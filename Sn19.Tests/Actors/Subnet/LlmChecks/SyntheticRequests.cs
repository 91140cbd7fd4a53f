namespace Sn19.Tests.Actors.Subnet.LlmChecks;

using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Subnet.Synthetics;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;
using Sn19.Tests.TestSupport;

/// <summary>The validator's own synthetic requests (its generator on the bundled corpus), shaped by a test and redrawn until
/// prompt and answer fit the model's context.</summary>
internal static class SyntheticRequests
{
    public static async Task<List<TextRequest>> DrawAsync(
        SyntheticOptions options, LocalInferenceBackend model, TextRequestKind kind, Random random, int count, Func<TextRequest, TextRequest> shape)
    {
        var generator = new SyntheticPayloadGenerator(
            MarkovTextModel.Build(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "assets", "synthetic-corpus.txt"))), options);
        var requests = new List<TextRequest>();
        while (requests.Count < count)
        {
            var request = shape(kind == TextRequestKind.Chat ? generator.Chat("task", random) : generator.Completion("task", random));
            if (model.EncodePrompt(EngineSequenceScorer.ToGeneration(request)).Length + request.MaxTokens + 1 <= model.Engine.ContextLength)
            {
                requests.Add(request);
            }
        }

        return requests;
    }
}
