namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// What serves a miner's task: the embedded CPU engine or an OpenAI-compatible server. It streams one
/// token at a time; the last token carries the finish reason.
/// </summary>
internal interface IMinerTextBackend
{
    /// <summary>Tokens of the request's prompt as this backend builds it (for usage).</summary>
    int CountPromptTokens(TextRequest request);

    IAsyncEnumerable<GeneratedToken> GenerateAsync(TextRequest request, CancellationToken cancellationToken);
}
