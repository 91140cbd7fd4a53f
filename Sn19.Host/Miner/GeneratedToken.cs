namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// A token from a backend; the last one carries the finish reason (stop, length) and the prompt's token
/// count where the backend knows it (for usage).
/// </summary>
internal sealed record GeneratedToken(StreamedToken Token, string? FinishReason, int? PromptTokens = null);
