namespace Sn19.Tests.Inference.Generation;

using Sn19.Inference.Generation;
using Sn19.Inference.Sampling;
using static Sn19.Tests.Inference.GenerationSteps;

/// <summary>
/// The embedded backend decodes concurrent requests together (<see cref="LocalInferenceBackend"/>'s
/// batching loop). A request must get exactly the steps it gets alone, whatever joins or leaves beside it,
/// including prompts fed a chunk per turn; and a caller that stops reading early must give its slot back.
/// </summary>
public sealed class BatchingLoopTests(TinyGgufFixture fixture) : IClassFixture<TinyGgufFixture>
{
    private static readonly string[] Prompts =
    [
        "The cat sat on the mat and looked out of the window at the rain for a long while",
        "a",
        "Once upon a time there was a little dog who lived in a very big house by the sea with a family",
        "zz top",
        "How many legs does a spider have? Tell me in one short sentence, please, and then stop.",
        "Hello",
    ];

    [Fact]
    public async Task ConcurrentRequests_GetTheStepsTheyGetAlone()
    {
        // Chunks of 8 tokens, so the longer prompts are fed over several turns while others decode.
        using var engine = LlamaEngine.Load(fixture.Path, new LocalEngineOptions { Threads = 2, MaxBatch = 8, MaxContext = 0 });
        var backend = new LocalInferenceBackend(engine, new LocalEngineOptions { MaxConcurrentSequences = 4 });
        var requests = Prompts.Select((prompt, i) => new GenerationRequest
        {
            Prompt = prompt,
            MaxTokens = 12 + (i * 5),
            IgnoreEos = true,
            TopLogProbs = 3,
            Sampling = new SamplingParameters(i % 3 == 0 ? 0f : 0.8f, TopK: i % 2 == 0 ? 0 : 5, Seed: (ulong)(i + 1)),
        }).ToArray();

        var alone = new List<List<TokenStep>>();
        foreach (var request in requests)
        {
            alone.Add(await Collect(backend, request));
        }

        // Six requests, four slots: two wait, then join the batch as others finish.
        var together = await Task.WhenAll(requests.Select(r => Task.Run(() => Collect(backend, r))));
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(requests[i].MaxTokens, alone[i].Count);
            Assert.Equal(Describe(alone[i]), Describe(together[i]));
        }
    }

    [Fact]
    public async Task AReaderThatStopsEarly_GivesItsSlotBack()
    {
        var backend = new LocalInferenceBackend(fixture.Engine, new LocalEngineOptions { MaxConcurrentSequences = 1 });
        var request = new GenerationRequest { Prompt = "slot", MaxTokens = 50, IgnoreEos = true };
        await foreach (var step in backend.GenerateAsync(request, CancellationToken.None))
        {
            break;
        }

        // With the one slot still held this would wait forever; the deadline turns that into a failure.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var next = await Collect(backend, request with { MaxTokens = 3 }, deadline.Token);
        Assert.Equal(3, next.Count);
    }

    private static List<string> Describe(List<TokenStep> steps) =>
        steps.Select(s => $"{s.TokenId} {BitConverter.SingleToInt32Bits(s.LogProb)} {s.Text} {s.FinishReason} " +
            string.Join(",", s.TopLogProbs.Select(a => $"{a.TokenId}:{BitConverter.SingleToInt32Bits(a.LogProb)}"))).ToList();
}
