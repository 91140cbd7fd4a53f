namespace Sn19.Inference.Sampling;

/// <summary>
/// Chooses tokens from logits under fixed <see cref="SamplingParameters"/> with its own seeded generator:
/// one uniform draw per non-greedy token, none for greedy, so the same seed and logits give the same
/// tokens whatever the thread count. It never touches model state.
/// </summary>
internal sealed class Sampler
{
    private readonly Xoshiro256StarStar _random;

    public Sampler(int vocabSize, SamplingParameters parameters)
        : this(new TokenDistribution(vocabSize), parameters)
    {
    }

    /// <summary>A sampler on a caller's distribution buffers (a pooled one; see <see cref="TokenDistributionPool"/>).</summary>
    public Sampler(TokenDistribution distribution, SamplingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        parameters.Validate();
        Parameters = parameters;
        Distribution = distribution;
        _random = new Xoshiro256StarStar(parameters.Seed);
    }

    public SamplingParameters Parameters { get; }

    /// <summary>The distribution of the last <see cref="Next"/> call (for its top alternatives).</summary>
    public TokenDistribution Distribution { get; }

    /// <summary>Picks the next token and returns it with its processed log-probability.</summary>
    public TokenLogProb Next(ReadOnlySpan<float> logits)
    {
        Distribution.Prepare(logits, Parameters);
        var token = Parameters.IsGreedy ? Distribution.ArgMax() : Distribution.Sample(_random.NextDouble());
        return new TokenLogProb(token, Distribution.LogProb(token));
    }
}
