namespace Sn19.Tests.Inference.Scoring;

using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;
using Sn19.Tests.Inference.Llama;

/// <summary>Must-show 3 (determinism) and 4 (scoring reproduces generation) at the token level.</summary>
public sealed class GenerationScoringTests
{
    private static readonly int[] Prompt = [1, 50, 60, 70, 80];

    private static (int[] Tokens, float[] LogProbs) Generate(LlamaModel model, SamplingParameters parameters, int count)
    {
        using var generator = new LlamaGenerator(model, parameters);
        generator.Prefill(Prompt);
        var tokens = new int[count];
        var logProbs = new float[count];
        for (var i = 0; i < count; i++)
        {
            var next = generator.Next();
            tokens[i] = next.TokenId;
            logProbs[i] = next.LogProb;
            generator.Accept(next.TokenId);
        }

        return (tokens, logProbs);
    }

    [Theory]
    [InlineData(WeightType.F32)]
    [InlineData(WeightType.Q8_0)]
    public void Generate_SameSeed_SameTokensAndLogProbsInTwoRunsAndWithOneOrTwoThreads(WeightType type)
    {
        var parameters = new SamplingParameters(0.9f, TopK: 40, TopP: 0.95f, Seed: 42);
        var (one, _) = TestEngine.Tiny(type, threads: 1);
        var (two, _) = TestEngine.Tiny(type, threads: 2);
        using (one)
        using (two)
        {
            var first = Generate(one, parameters, 40);
            var second = Generate(one, parameters, 40);
            var threaded = Generate(two, parameters, 40);
            Assert.Equal(first.Tokens, second.Tokens);
            Assert.Equal(first.LogProbs, second.LogProbs);
            Assert.Equal(first.Tokens, threaded.Tokens);
            Assert.Equal(first.LogProbs, threaded.LogProbs);
            Assert.NotEqual(first.Tokens, Generate(one, parameters with { Seed = 43 }, 40).Tokens);
        }
    }

    [Theory]
    [InlineData(WeightType.F32, 0.7f, 5)]
    [InlineData(WeightType.F32, 0f, 0)]
    [InlineData(WeightType.Q8_0, 0.7f, 5)]
    [InlineData(WeightType.Q8_0, 0f, 0)]
    public void Score_GeneratedSequence_ReproducesGenerationLogProbsWithin1e4(WeightType type, float temperature, int topK)
    {
        var parameters = new SamplingParameters(temperature, TopK: topK, Seed: 5);
        var (model, _) = TestEngine.Tiny(type, maxBatch: 16);
        using (model)
        {
            var (tokens, logProbs) = Generate(model, parameters, 30);
            var sequence = Prompt.Concat(tokens).ToArray();
            var scores = SequenceScorer.Score(model, sequence, Prompt.Length, parameters, topCount: 5);
            Assert.Equal(tokens.Length, scores.Count);
            for (var i = 0; i < tokens.Length; i++)
            {
                Assert.Equal(Prompt.Length + i, scores[i].Position);
                Assert.Equal(tokens[i], scores[i].TokenId);
                Assert.InRange(Math.Abs(scores[i].LogProb - logProbs[i]), 0, 1e-4);
                Assert.InRange(scores[i].Rank, 1, topK == 0 ? 1 : topK);
                Assert.Contains(scores[i].Top, t => t.TokenId == tokens[i]);
            }
        }
    }
}
