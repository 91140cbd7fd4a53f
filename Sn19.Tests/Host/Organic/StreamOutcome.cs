namespace Sn19.Tests.Host.Organic;

/// <summary>What one streamed request's client saw: the status, the request id, the tokens it received, the usage
/// chunk (only a completed answer has one), and whether the stream was cut (the connection broke mid-answer).</summary>
internal sealed record StreamOutcome(string Gateway, int Key, int? Status, string? RequestId, int Tokens, int? PromptTokens, int? CompletionTokens, bool Done, bool Cut, string? Error)
{
    public bool GotUsage => CompletionTokens is not null;
}
