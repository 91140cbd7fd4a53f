namespace Sn19.Actors.Organic;

/// <summary>What a task's tokens cost, in credits per 1,000 tokens. Decimal, so charges add up exactly.</summary>
public sealed record TaskPrice(decimal PromptPer1K, decimal CompletionPer1K)
{
    public static TaskPrice Free { get; } = new(0, 0);

    public decimal Cost(int promptTokens, int completionTokens) =>
        ((promptTokens * PromptPer1K) + (completionTokens * CompletionPer1K)) / 1000m;
}
