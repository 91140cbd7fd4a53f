namespace Sn19.Actors.Subnet.LlmChecks;

/// <summary>
/// What the checker's model says about one position of the scored sequence: the log-probability and
/// 1-based rank of the token actually there, the end-of-sequence log-probability, and the best
/// alternatives, all from softmax(logits / temperature) with no top-k (temperature 0 → raw logits).
/// </summary>
public sealed record PositionScore(int TokenId, double Logprob, int Rank, double EosLogprob, IReadOnlyList<TokenLogprob> Top);
