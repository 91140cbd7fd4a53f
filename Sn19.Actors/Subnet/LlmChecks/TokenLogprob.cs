namespace Sn19.Actors.Subnet.LlmChecks;

/// <summary>A token id with its log-probability.</summary>
public sealed record TokenLogprob(int TokenId, double Logprob);
