namespace Sn19.Actors.Wire.OpenAi;

/// <summary>An alternative token at one position, with its log-probability.</summary>
public sealed record TokenAlternative(int Id, string Text, double Logprob);
