namespace Sn19.Inference.Generation;

/// <summary>
/// One generated token. <paramref name="Text"/> is the text that became complete with this token (UTF-8
/// sequences split over byte tokens appear with the token that completes them; end-of-generation tokens
/// have none). <paramref name="LogProb"/> uses vLLM's semantics (see <see cref="Sampling.SamplingParameters"/>).
/// </summary>
/// <param name="TokenId">The token, or −1 on a step that only reports <see cref="FinishReason.Cancelled"/>.</param>
/// <param name="Text">Text emitted with this token.</param>
/// <param name="LogProb">Log-probability of the token under the sampling distribution.</param>
/// <param name="TopLogProbs">The requested number of most likely tokens at this step, best first.</param>
/// <param name="FinishReason">Set on the last step only.</param>
/// <param name="PromptTokens">On the last step: the prompt's tokens as the model saw them, for usage; null where a server did not say.</param>
public sealed record TokenStep(
    int TokenId,
    string Text,
    float LogProb,
    IReadOnlyList<TokenAlternative> TopLogProbs,
    FinishReason? FinishReason = null,
    int? PromptTokens = null);
