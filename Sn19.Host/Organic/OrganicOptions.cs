namespace Sn19.Host.Organic;

using Microsoft.Extensions.Configuration;
using Sn19.Actors.Organic;
using Sn19.Actors.Wire.OpenAi;
using Sn19.Host.Configuration;

/// <summary>The organic API (section <c>organic</c>, hocon/defaults/organic.conf).</summary>
internal sealed class OrganicOptions : IValidatableOptions
{
    public const int DefaultPort = 9620;

    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "127.0.0.1";

    [ConfigurationKeyName("port")]
    public int Port { get; set; } = DefaultPort;

    [ConfigurationKeyName("max-body-bytes")]
    public int MaxBodyBytes { get; set; } = 1 << 20;

    [ConfigurationKeyName("max-tokens")]
    public int MaxTokens { get; set; } = 1024;

    [ConfigurationKeyName("default-max-tokens")]
    public int DefaultMaxTokens { get; set; } = 256;

    [ConfigurationKeyName("attempts")]
    public int Attempts { get; set; } = 3;

    [ConfigurationKeyName("reservation-hold")]
    public TimeSpan ReservationHold { get; set; } = TimeSpan.FromMinutes(5);

    [ConfigurationKeyName("default-credit")]
    public decimal DefaultCredit { get; set; }

    [ConfigurationKeyName("default-rpm")]
    public int DefaultRequestsPerMinute { get; set; } = 60;

    [ConfigurationKeyName("default-tpm")]
    public int DefaultTokensPerMinute { get; set; } = 100_000;

    [ConfigurationKeyName("prices")]
    public Dictionary<string, PriceOptions> Prices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The price of <paramref name="taskId"/>: its own entry, else <c>default</c>, else free.</summary>
    public TaskPrice PriceOf(string taskId) =>
        (Prices.GetValueOrDefault(taskId) ?? Prices.GetValueOrDefault("default"))?.ToPrice() ?? TaskPrice.Free;

    public void Validate(string section)
    {
        var problem = this switch
        {
            { Port: < 0 or > 65535 } => ("port", $"must be 0..65535 (was {Port})"),
            { MaxBodyBytes: < 1024 } => ("max-body-bytes", $"must be at least 1024 (was {MaxBodyBytes})"),
            { MaxTokens: < 1 or > TextRequestRules.MaxTokensLimit } => ("max-tokens", $"must be in [1, {TextRequestRules.MaxTokensLimit}] (was {MaxTokens})"),
            _ when DefaultMaxTokens < 1 || DefaultMaxTokens > MaxTokens => ("default-max-tokens", $"must be in [1, max-tokens] (was {DefaultMaxTokens})"),
            { Attempts: < 1 or > 10 } => ("attempts", $"must be in [1, 10] (was {Attempts})"),
            _ when ReservationHold < TimeSpan.FromSeconds(5) => ("reservation-hold", $"must be at least 5s (was {ReservationHold})"),
            { DefaultCredit: < 0 } => ("default-credit", "must not be negative"),
            { DefaultRequestsPerMinute: < 0 } or { DefaultTokensPerMinute: < 0 } => ("default-rpm", "rate limits must not be negative (0 = none)"),
            _ when Prices.Values.Any(p => p.PromptPer1K < 0 || p.CompletionPer1K < 0) => ("prices", "prices must not be negative"),
            _ => default((string, string)?),
        };
        if (problem is var (key, message))
        {
            throw new ConfigurationException($"{section}.{key} {message}", null, null, $"{section}.{key}");
        }
    }
}
