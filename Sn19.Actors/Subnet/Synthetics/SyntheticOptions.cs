namespace Sn19.Actors.Subnet.Synthetics;

using Microsoft.Extensions.Configuration;

/// <summary>
/// How synthetic prompts are written (reference §10). Defaults are the reference's; the local subnet
/// scales lengths down to fit a small CPU model's context.
/// </summary>
public sealed class SyntheticOptions
{
    /// <summary>Plain-text corpus for the Markov chain; empty = the bundled public-domain corpus.</summary>
    [ConfigurationKeyName("corpus-file")]
    public string CorpusFile { get; set; } = "";

    /// <summary>Total words W = normal-weight × Normal(mean, sd) + gamma-weight × Gamma(shape, scale).</summary>
    [ConfigurationKeyName("normal-weight")]
    public double NormalWeight { get; set; } = 0.3;

    [ConfigurationKeyName("normal-mean")]
    public double NormalMean { get; set; } = 1000;

    [ConfigurationKeyName("normal-standard-deviation")]
    public double NormalStandardDeviation { get; set; } = 850;

    [ConfigurationKeyName("gamma-weight")]
    public double GammaWeight { get; set; } = 0.7;

    [ConfigurationKeyName("gamma-shape")]
    public double GammaShape { get; set; } = 0.5;

    [ConfigurationKeyName("gamma-scale")]
    public double GammaScale { get; set; } = 2000;

    /// <summary>W at or above this is redrawn as <see cref="FallbackWords"/> (reference: max_model_len / 4).</summary>
    [ConfigurationKeyName("max-words")]
    public int MaxWords { get; set; } = 5000;

    [ConfigurationKeyName("fallback-words")]
    public int FallbackWords { get; set; } = 1000;

    /// <summary>W at or below zero becomes this.</summary>
    [ConfigurationKeyName("min-words")]
    public int MinWords { get; set; } = 20;

    [ConfigurationKeyName("min-messages")]
    public int MinMessages { get; set; } = 2;

    [ConfigurationKeyName("max-messages")]
    public int MaxMessages { get; set; } = 10;

    /// <summary>Words of the user turn appended when a chat would otherwise end on an assistant turn.</summary>
    [ConfigurationKeyName("closing-user-words")]
    public int ClosingUserWords { get; set; } = 10;

    [ConfigurationKeyName("min-max-tokens")]
    public int MinMaxTokens { get; set; } = 50;

    [ConfigurationKeyName("max-max-tokens")]
    public int MaxMaxTokens { get; set; } = 2000;

    /// <summary>Seeds sent to miners are drawn from [1, MaxSeed].</summary>
    [ConfigurationKeyName("max-seed")]
    public int MaxSeed { get; set; } = 100_000_000;

    /// <summary>Temperatures are round(U(0, 1), 1) scaled into [0, MaxTemperature].</summary>
    [ConfigurationKeyName("max-temperature")]
    public double MaxTemperature { get; set; } = 1.0;

    public void Validate()
    {
        Require(NormalWeight >= 0 && GammaWeight >= 0, "normal-weight/gamma-weight", "must not be negative");
        Require(GammaShape > 0 && GammaScale > 0, "gamma-shape/gamma-scale", "must be positive");
        Require(MinWords > 0, "min-words", "must be positive");
        Require(MaxWords > MinWords, "max-words", "must be above min-words");
        Require(FallbackWords > 0 && FallbackWords < MaxWords, "fallback-words", "must be in (0, max-words)");
        Require(MinMessages >= 2 && MaxMessages >= MinMessages, "min-messages/max-messages", "need 2 <= min <= max");
        Require(MinMaxTokens > 0 && MaxMaxTokens >= MinMaxTokens, "min-max-tokens/max-max-tokens", "need 0 < min <= max");
        Require(MaxSeed > 0, "max-seed", "must be positive");
        Require(MaxTemperature is >= 0 and <= 2, "max-temperature", "must be in [0, 2]");
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"validator.synthetics.{key}: {message}.");
        }
    }
}
