namespace Sn19.Actors.Wire.OpenAi;

/// <summary>One generated token as the wire carries it: id, text, log-probability and the best alternatives.</summary>
public sealed record StreamedToken(int Id, string Text, double Logprob, IReadOnlyList<TokenAlternative> Top);
