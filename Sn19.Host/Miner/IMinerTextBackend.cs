namespace Sn19.Host.Miner;

using Sn19.Actors.Wire.OpenAi;

/// <summary>
/// What serves a miner's task: the embedded CPU engine or an OpenAI-compatible server. It streams one
/// token at a time; the last token carries the finish reason and the prompt's token count.
/// </summary>
internal interface IMinerTextBackend
{
    /// <summary>The model's context in tokens, or null when the backend does not say.</summary>
    int? ContextLength { get; }

    IAsyncEnumerable<GeneratedToken> GenerateAsync(TextRequest request, CancellationToken cancellationToken);
}
