namespace Sn19.Inference.Generation;

using Sn19.Inference.Scoring;

/// <summary>
/// A model that generates and scores: the embedded CPU engine (<see cref="LocalInferenceBackend"/>) or an
/// OpenAI-compatible server such as vLLM (<see cref="Backends.OpenAi.OpenAiBackend"/>). Miners generate;
/// checkers score a prompt + response in one batched prefill and compare with what the miner reported.
/// </summary>
public interface IInferenceBackend
{
    /// <summary>The model's name as the backend reports it.</summary>
    string ModelName { get; }

    /// <summary>Most tokens a prompt and its generation may hold together, or null when the backend does not
    /// say (a remote server).</summary>
    int? ContextLength { get; }

    /// <summary>Streams the generated tokens; the last step carries the finish reason. Cancelling ends
    /// the stream with a <see cref="FinishReason.Cancelled"/> step.</summary>
    IAsyncEnumerable<TokenStep> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Scores every position of a token sequence from <see cref="ScoringRequest.FirstScoredPosition"/> on.</summary>
    Task<ScoringResult> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken);
}
