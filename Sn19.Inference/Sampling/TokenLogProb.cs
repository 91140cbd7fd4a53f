namespace Sn19.Inference.Sampling;

/// <summary>A token and its log-probability under the processed distribution.</summary>
public readonly record struct TokenLogProb(int TokenId, float LogProb);
