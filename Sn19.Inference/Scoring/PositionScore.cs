namespace Sn19.Inference.Scoring;

using Sn19.Inference.Sampling;

/// <summary>
/// How likely the model found the actual token at <paramref name="Position"/> given everything before it,
/// with the same log-probability semantics as generation (see <see cref="SamplingParameters"/>).
/// </summary>
/// <param name="Position">Index of the token in the scored sequence (≥ 1: the first token has no prediction).</param>
/// <param name="TokenId">The actual token there.</param>
/// <param name="LogProb">Its processed log-probability (−∞ when top-k/top-p cut it).</param>
/// <param name="Rank">vLLM's 1-based rank.</param>
/// <param name="EosLogProb">Log-probability of the end-of-sequence token there (the checker's "could have stopped" test); NaN when unknown.</param>
/// <param name="Top">The most likely tokens there, best first.</param>
public sealed record PositionScore(int Position, int TokenId, float LogProb, int Rank, float EosLogProb, IReadOnlyList<TokenLogProb> Top);
