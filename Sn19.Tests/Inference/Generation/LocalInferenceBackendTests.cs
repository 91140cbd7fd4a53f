namespace Sn19.Tests.Inference.Generation;

using Sn19.Inference.Generation;
using Sn19.Inference.Gguf;
using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;
using Sn19.Inference.TestModels;
using Sn19.Inference.Tokenizers;
using Sn19.Tests.TestSupport;
using static Sn19.Tests.Inference.GenerationSteps;

public sealed class LocalInferenceBackendTests(TinyGgufFixture fixture) : IClassFixture<TinyGgufFixture>
{
    [Fact]
    public void Load_WrittenGguf_GivesTheSameLogitsAsTheInMemoryWeights()
    {
        var config = TestModelFactory.Config(TestModelShape.Tiny, fixture.Engine.Tokenizer.VocabularySize);
        using var weights = LlamaWeightsBuilder.Build(config, new FloatTensorSource(TestModelFactory.Generate(config, tiedOutput: true, 21), WeightType.Q8_0));
        using var memory = new LlamaModel(weights, 1, 64);
        int[] tokens = [1, 100, 200, 300];
        using var a = memory.CreateSequence();
        using var b = fixture.Engine.Model.CreateSequence();
        var expected = new float[4 * config.VocabSize];
        var actual = new float[4 * config.VocabSize];
        memory.Forward(a, tokens, 0, expected);
        fixture.Engine.Model.Forward(b, tokens, 0, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Load_GgufMetadata_ReadsLlamaConfig()
    {
        using var file = GgufFile.Open(fixture.Path);
        var config = LlamaGguf.ReadConfig(file);
        Assert.Equal(TestModelFactory.Config(TestModelShape.Tiny, 32000) with { RopeDimensions = 16 }, config);
        Assert.Equal("llama", file.GetString("tokenizer.ggml.model"));
        Assert.Equal(32000, fixture.Engine.Tokenizer.VocabularySize);
    }

    [Fact]
    public void Load_VocabularyOnlyFile_IsAClearError()
    {
        var error = Assert.Throws<GgufFormatException>(() => LlamaEngine.Load(TestPaths.Tokenizer("ggml-vocab-llama-spm.gguf"), new LocalEngineOptions()));
        Assert.Contains("token_embd.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_MaxTokens_StreamsThatManyStepsEndingInLength()
    {
        var steps = await Collect(fixture.Backend, new GenerationRequest
        {
            Prompt = "Once upon a time",
            MaxTokens = 10,
            Sampling = new SamplingParameters(0.8f, TopK: 20, Seed: 4),
            TopLogProbs = 3,
            IgnoreEos = true,
        });
        Assert.Equal(10, steps.Count);
        Assert.Equal(FinishReason.Length, steps[^1].FinishReason);
        Assert.All(steps[..^1], s => Assert.Null(s.FinishReason));
        Assert.All(steps, s => Assert.Equal(3, s.TopLogProbs.Count));
        Assert.All(steps, s => Assert.Contains(s.TopLogProbs, a => a.TokenId == s.TokenId && Math.Abs(a.LogProb - s.LogProb) < 1e-6));
        Assert.Equal(fixture.Engine.Tokenizer.Decode(steps.Select(s => s.TokenId).ToArray()).TrimStart(), string.Concat(steps.Select(s => s.Text)).TrimStart());
    }

    [Fact]
    public async Task GenerateAsync_ChatAndCompletion_SameSeedSameSteps()
    {
        var request = new GenerationRequest
        {
            Messages = [new ChatMessage("user", "Hello there")],
            MaxTokens = 8,
            Sampling = new SamplingParameters(1f, Seed: 9),
            IgnoreEos = true,
        };
        var first = await Collect(fixture.Backend, request);
        var second = await Collect(fixture.Backend, request);
        Assert.Equal(first.Select(s => (s.TokenId, s.LogProb)), second.Select(s => (s.TokenId, s.LogProb)));
        var prompt = fixture.Backend.EncodePrompt(request);
        Assert.Equal(fixture.Engine.Tokenizer.BosId, prompt[0]);
    }

    [Fact]
    public async Task GenerateAsync_StopString_CutsTheTextAndFinishesWithStop()
    {
        var free = await Collect(fixture.Backend, new GenerationRequest { Prompt = "a", MaxTokens = 12, Sampling = SamplingParameters.Greedy, IgnoreEos = true });
        var text = string.Concat(free.Select(s => s.Text));
        var stop = text.Substring(text.Length / 2, 2);
        var stopped = await Collect(fixture.Backend, new GenerationRequest { Prompt = "a", MaxTokens = 12, Sampling = SamplingParameters.Greedy, IgnoreEos = true, Stop = [stop] });
        Assert.Equal(FinishReason.Stop, stopped[^1].FinishReason);
        Assert.Equal(text[..text.IndexOf(stop, StringComparison.Ordinal)], string.Concat(stopped.Select(s => s.Text)));
    }

    [Fact]
    public async Task GenerateAsync_StopToken_FinishesOnIt()
    {
        var free = await Collect(fixture.Backend, new GenerationRequest { Prompt = "b", MaxTokens = 6, Sampling = SamplingParameters.Greedy, IgnoreEos = true });
        var stopped = await Collect(fixture.Backend, new GenerationRequest { Prompt = "b", MaxTokens = 6, Sampling = SamplingParameters.Greedy, IgnoreEos = true, StopTokenIds = [free[3].TokenId] });
        Assert.Equal(FinishReason.Stop, stopped[^1].FinishReason);
        Assert.Equal(free[3].TokenId, stopped[^1].TokenId);
        Assert.True(stopped.Count <= 4);
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_EndsWithACancelledStep()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new List<TokenStep>();
        await foreach (var step in fixture.Backend.GenerateAsync(new GenerationRequest { Prompt = "c", MaxTokens = 200, IgnoreEos = true }, cancellation.Token))
        {
            steps.Add(step);
            if (steps.Count == 3)
            {
                await cancellation.CancelAsync();
            }
        }

        Assert.Equal(FinishReason.Cancelled, steps[^1].FinishReason);
        Assert.Equal(-1, steps[^1].TokenId);
        Assert.True(steps.Count < 200);
    }

    [Fact]
    public async Task ScoreAsync_GeneratedResponse_ReproducesTheStreamedLogProbs()
    {
        var request = new GenerationRequest { Prompt = "The cat", MaxTokens = 16, Sampling = new SamplingParameters(0.7f, TopK: 5, Seed: 1), IgnoreEos = true };
        var steps = await Collect(fixture.Backend, request);
        var prompt = fixture.Backend.EncodePrompt(request);
        var tokens = prompt.Concat(steps.Select(s => s.TokenId)).ToArray();
        var result = await fixture.Backend.ScoreAsync(new ScoringRequest(tokens, prompt.Length, request.Sampling, 5), CancellationToken.None);
        Assert.Equal(steps.Count, result.Positions.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            Assert.InRange(Math.Abs(result.Positions[i].LogProb - steps[i].LogProb), 0, 1e-4);
            Assert.False(float.IsNaN(result.Positions[i].EosLogProb));
        }
    }

    /// <summary>The calling thread runs the sampler and its share of every kernel; the pool's workers run
    /// only kernels on preallocated buffers. (Process-wide counters would also count other tests running in parallel.)</summary>
    [Fact]
    public void Decode_Steps_AllocateNothing()
    {
        var model = fixture.Engine.Model;
        using var sequence = model.CreateSequence();
        var logits = new float[model.Config.VocabSize];
        var one = new int[1];
        var sampler = new Sampler(model.Config.VocabSize, new SamplingParameters(0.9f, TopK: 40, TopP: 0.9f, Seed: 1));
        for (var i = 0; i < 4; i++)
        {
            one[0] = sampler.Next(logits).TokenId;
            model.Forward(sequence, one, 0, logits);
        }

        // Steady state: the runtime may allocate once on this thread while it swaps in re-optimised code
        // mid-loop, so the claim is that some 32-step round allocates nothing, not that the first does.
        var rounds = new List<long>();
        for (var round = 0; round < 3 && (rounds.Count == 0 || rounds[^1] != 0); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 32; i++)
            {
                one[0] = sampler.Next(logits).TokenId;
                model.Forward(sequence, one, 0, logits);
            }

            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, rounds[^1]);
    }
}
