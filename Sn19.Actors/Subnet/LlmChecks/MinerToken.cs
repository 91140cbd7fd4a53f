namespace Sn19.Actors.Subnet.LlmChecks;

/// <summary>
/// One token as a miner streamed it: its text, the log-probability it reported, and its id when the
/// miner wrote the token as <c>token_id:N</c> (vLLM's <c>return_tokens_as_token_ids</c>).
/// </summary>
public sealed record MinerToken(string Text, double Logprob, int? TokenId);
