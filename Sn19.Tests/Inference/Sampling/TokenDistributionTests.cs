namespace Sn19.Tests.Inference.Sampling;

using Sn19.Inference.Sampling;

public sealed class TokenDistributionTests
{
    private static float[] LogitsOf(params double[] probabilities) => probabilities.Select(p => (float)Math.Log(p)).ToArray();

    [Fact]
    public void Prepare_Greedy_ReportsRawLogSoftmaxAndArgMax()
    {
        var logits = new float[] { 1f, 3f, 2f, -1f };
        var distribution = new TokenDistribution(4);
        distribution.Prepare(logits, new SamplingParameters(0f, TopK: 1, TopP: 0.1f));
        var logZ = Math.Log(logits.Sum(z => Math.Exp(z)));
        Assert.Equal(1, distribution.ArgMax());
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(logits[i] - logZ, distribution.LogProb(i), 5);
        }

        Assert.Equal(4, distribution.KeptCount);
    }

    [Fact]
    public void Prepare_TemperatureAndTopK_RenormalisesOverKeptTokens()
    {
        var logits = new float[] { 1f, 3f, 2f, -1f, 0.5f };
        var distribution = new TokenDistribution(5);
        distribution.Prepare(logits, new SamplingParameters(0.7f, TopK: 2));
        var z1 = 3 / 0.7;
        var z2 = 2 / 0.7;
        var logZ = Math.Log(Math.Exp(z1) + Math.Exp(z2));
        Assert.Equal(z1 - logZ, distribution.LogProb(1), 5);
        Assert.Equal(z2 - logZ, distribution.LogProb(2), 5);
        Assert.Equal(float.NegativeInfinity, distribution.LogProb(0));
        Assert.Equal(1, distribution.Rank(1));
        Assert.Equal(2, distribution.Rank(2));
        Assert.Equal(3, distribution.Rank(4));
    }

    [Fact]
    public void Prepare_TopKTieAtTheCut_KeepsEveryTiedToken()
    {
        var distribution = new TokenDistribution(4);
        distribution.Prepare(new float[] { 2f, 1f, 1f, 0f }, new SamplingParameters(1f, TopK: 2));
        Assert.Equal(3, distribution.KeptCount);
    }

    /// <summary>vLLM: ascending cumulative probabilities 0.05, 0.2, 0.5, 1.0; tokens with cumsum ≤ 1 − 0.75 go.</summary>
    [Fact]
    public void Prepare_TopP_DropsTheTailLikeVllmAndRenormalises()
    {
        var distribution = new TokenDistribution(4);
        distribution.Prepare(LogitsOf(0.5, 0.3, 0.15, 0.05), new SamplingParameters(1f, TopP: 0.75f));
        Assert.Equal(2, distribution.KeptCount);
        Assert.Equal(Math.Log(0.625), distribution.LogProb(0), 5);
        Assert.Equal(Math.Log(0.375), distribution.LogProb(1), 5);
        Assert.Equal(float.NegativeInfinity, distribution.LogProb(2));
        Assert.Equal(3, distribution.Rank(3));
    }

    [Fact]
    public void Prepare_TopPBelowTheLargestProbability_KeepsOnlyTheTopToken()
    {
        var distribution = new TokenDistribution(3);
        distribution.Prepare(LogitsOf(0.2, 0.7, 0.1), new SamplingParameters(1f, TopP: 0.05f));
        Assert.Equal(1, distribution.KeptCount);
        Assert.Equal(0f, distribution.LogProb(1));
    }

    [Fact]
    public void Top_ReturnsBestFirstWithLowerIdOnTies()
    {
        var distribution = new TokenDistribution(6);
        distribution.Prepare(new float[] { 1f, 5f, 3f, 5f, 0f, 2f }, new SamplingParameters(1f));
        var top = new TokenLogProb[3];
        Assert.Equal(3, distribution.Top(top));
        Assert.Equal([1, 3, 2], top.Select(t => t.TokenId));
        Assert.True(top[0].LogProb >= top[1].LogProb && top[1].LogProb > top[2].LogProb);
    }

    [Fact]
    public void Sampler_SameSeed_SameDrawsAndFrequenciesFollowTheDistribution()
    {
        var logits = LogitsOf(0.6, 0.3, 0.1);
        var parameters = new SamplingParameters(1f, Seed: 99);
        var a = new Sampler(3, parameters);
        var b = new Sampler(3, parameters);
        var counts = new int[3];
        for (var i = 0; i < 20_000; i++)
        {
            var token = a.Next(logits);
            Assert.Equal(token, b.Next(logits));
            counts[token.TokenId]++;
        }

        Assert.InRange(counts[0] / 20_000.0, 0.58, 0.62);
        Assert.InRange(counts[1] / 20_000.0, 0.28, 0.32);
        Assert.InRange(counts[2] / 20_000.0, 0.08, 0.12);
    }

    [Fact]
    public void Xoshiro_KnownSeed_GivesFixedSequence()
    {
        var first = new Xoshiro256StarStar(1);
        var second = new Xoshiro256StarStar(1);
        var other = new Xoshiro256StarStar(2);
        var a = Enumerable.Range(0, 4).Select(_ => first.NextUInt64()).ToArray();
        Assert.Equal(a, Enumerable.Range(0, 4).Select(_ => second.NextUInt64()));
        Assert.NotEqual(a, Enumerable.Range(0, 4).Select(_ => other.NextUInt64()));
    }
}
