namespace Sn19.Inference.Sampling;

/// <summary>
/// How the next token is chosen, and therefore which distribution its log-probability comes from.
/// </summary>
/// <param name="Temperature">Logits are divided by it; below 1e-5 means greedy (vLLM's _SAMPLING_EPS).</param>
/// <param name="TopK">Keep the k largest logits (ties at the k-th value kept, as vLLM); 0 or less = off.</param>
/// <param name="TopP">Nucleus: drop the least likely tokens while their cumulative probability stays ≤ 1 − p; 1 = off.</param>
/// <param name="Seed">Seed of the sampler's own generator.</param>
public sealed record SamplingParameters(float Temperature = 1f, int TopK = 0, float TopP = 1f, ulong Seed = 0)
{
    /// <summary>vLLM's threshold under which a temperature means greedy decoding.</summary>
    public const float GreedyBelow = 1e-5f;

    public static SamplingParameters Greedy { get; } = new(0f);

    public bool IsGreedy => Temperature < GreedyBelow;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public void Validate()
    {
        if (float.IsNaN(Temperature) || Temperature < 0)
        {
            throw new ArgumentException($"temperature must be ≥ 0; got {Temperature}.");
        }

        if (float.IsNaN(TopP) || TopP <= 0 || TopP > 1)
        {
            throw new ArgumentException($"top-p must be in (0, 1]; got {TopP}.");
        }
    }
}
