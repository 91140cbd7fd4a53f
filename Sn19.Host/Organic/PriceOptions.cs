namespace Sn19.Host.Organic;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Organic;

/// <summary>One price entry of <c>organic.prices</c>: credits per 1,000 prompt and completion tokens.</summary>
internal sealed class PriceOptions
{
    [ConfigurationKeyName("prompt-per-1k")]
    public decimal PromptPer1K { get; set; }

    [ConfigurationKeyName("completion-per-1k")]
    public decimal CompletionPer1K { get; set; }

    public TaskPrice ToPrice() => new(PromptPer1K, CompletionPer1K);
}
