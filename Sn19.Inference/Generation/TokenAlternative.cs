namespace Sn19.Inference.Generation;

/// <summary>One of the most likely tokens at a step, with its text on its own and its processed log-probability.</summary>
public sealed record TokenAlternative(int TokenId, string Text, float LogProb);
