namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>A token from a backend, and the finish reason when it is the last one (stop, length).</summary>
internal sealed record GeneratedToken(StreamedToken Token, string? FinishReason);
