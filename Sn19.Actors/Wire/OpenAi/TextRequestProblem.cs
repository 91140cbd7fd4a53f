namespace Sn19.Actors.Wire.OpenAi;

/// <summary>Why a text request is refused: the JSON field at fault (OpenAI's <c>param</c>) and a sentence for the user.</summary>
public sealed record TextRequestProblem(string Field, string Message);
