namespace Sn19.Host.Miner;

using System.Runtime.CompilerServices;
using Sn19.Actors.Subnet.LlmChecks;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Inference.Generation;

/// <summary>
/// Serves a task from an <see cref="IInferenceBackend"/>: the embedded CPU engine, or an OpenAI-compatible
/// server. The prompt's token count for usage comes with the last step (from the engine's own encoding, or
/// the server's usage chunk).
/// </summary>
internal sealed class InferenceMinerBackend(IInferenceBackend backend) : IMinerTextBackend
{
    public int? ContextLength => backend.ContextLength;

    public async IAsyncEnumerable<GeneratedToken> GenerateAsync(
        TextRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One alternative at least, so a checker or user sees the runner-up even when none was asked for.
        var generation = EngineSequenceScorer.ToGeneration(request) with { TopLogProbs = Math.Clamp(Math.Max(request.TopLogprobs, 1), 1, 20) };
        await foreach (var step in backend.GenerateAsync(generation, cancellationToken))
        {
            if (step.FinishReason == FinishReason.Cancelled)
            {
                yield break;
            }

            var token = new StreamedToken(
                step.TokenId, step.Text, step.LogProb,
                step.TopLogProbs.Select(a => new Sn19.Actors.Wire.OpenAi.TokenAlternative(a.TokenId, a.Text, a.LogProb)).ToArray());
            var finish = step.FinishReason switch
            {
                null => null,
                FinishReason.Length => "length",
                _ => "stop",
            };
            yield return new GeneratedToken(token, finish, step.PromptTokens);
        }
    }
}
