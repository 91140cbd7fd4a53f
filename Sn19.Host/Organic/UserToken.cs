namespace Sn19.Host.Organic;

/// <summary>One token as the user sees it: its text, and when log-probabilities were asked for, its own and
/// the best alternatives' (named as the miner names them).</summary>
internal sealed record UserToken(string Text, double Logprob, IReadOnlyList<(string Token, double Logprob)> Top);
