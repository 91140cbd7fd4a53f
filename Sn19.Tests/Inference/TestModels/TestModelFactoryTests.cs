namespace Sn19.Tests.Inference.TestModels;

using Sn19.Inference.Kernels;
using Sn19.Inference.Llama;
using Sn19.Inference.Sampling;
using Sn19.Inference.Scoring;
using Sn19.Inference.TestModels;
using Xunit.Abstractions;

public sealed class TestModelFactoryTests(ITestOutputHelper output)
{
    private static LlamaModel Build(ulong seed)
    {
        var config = TestModelFactory.Config(TestModelShape.Tiny, 32000);
        var weights = LlamaWeightsBuilder.Build(config, new FloatTensorSource(TestModelFactory.Generate(config, tiedOutput: true, seed), WeightType.Q8_0));
        return new LlamaModel(weights, 2, 64);
    }

    /// <summary>
    /// The property the subnet's check relies on: a miner sampling at temperature 1 from the right model
    /// stays in the checker's top 10, while tokens from another seed's model almost never are.
    /// </summary>
    [Fact]
    public void Generate_HonestVsOtherSeed_HonestTokensRankInTopTenAndOthersDoNot()
    {
        using var honest = Build(11);
        using var other = Build(12);
        var sampling = new SamplingParameters(1f, Seed: 3);
        var prompt = new[] { 1, 450, 4996, 17354, 1701, 29916 };
        var honestTopTen = 0;
        var otherTopTen = 0;
        var total = 0;
        for (var run = 0; run < 4; run++)
        {
            using var generator = new LlamaGenerator(honest, sampling with { Seed = (ulong)run });
            generator.Prefill(prompt);
            var sequence = prompt.ToList();
            for (var i = 0; i < 48; i++)
            {
                var next = generator.Next();
                sequence.Add(next.TokenId);
                generator.Accept(next.TokenId);
            }

            var tokens = sequence.ToArray();
            honestTopTen += SequenceScorer.Score(honest, tokens, prompt.Length, sampling, 0).Count(p => p.Rank <= 10);
            otherTopTen += SequenceScorer.Score(other, tokens, prompt.Length, sampling, 0).Count(p => p.Rank <= 10);
            total += tokens.Length - prompt.Length;
        }

        output.WriteLine($"honest in top 10: {honestTopTen}/{total}; other seed in top 10: {otherTopTen}/{total}");
        Assert.True(honestTopTen >= total - 2, $"honest tokens in the top 10: {honestTopTen}/{total}");
        Assert.True(otherTopTen <= total / 20, $"other seed's model put {otherTopTen}/{total} in its top 10");
    }

    [Fact]
    public void Generate_SameSeed_SameTensors()
    {
        var config = TestModelFactory.Config(TestModelShape.Tiny, 100);
        var a = TestModelFactory.Generate(config, tiedOutput: true, 5);
        var b = TestModelFactory.Generate(config, tiedOutput: true, 5);
        var c = TestModelFactory.Generate(config, tiedOutput: true, 6);
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, p => Assert.Equal(p.Value, b[p.Key]));
        Assert.NotEqual(a["blk.0.attn_q.weight"], c["blk.0.attn_q.weight"]);
    }
}
