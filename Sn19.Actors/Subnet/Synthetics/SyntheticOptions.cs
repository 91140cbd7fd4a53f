namespace Sn19.Actors.Subnet.Synthetics;

/// <summary>
/// How synthetic prompts are written (reference §10). Defaults are the reference's; the local subnet
/// scales lengths down to fit a small CPU model's context.
/// </summary>
public sealed class SyntheticOptions
{
    /// <summary>Plain-text corpus for the Markov chain; empty = the bundled public-domain corpus.</summary>
    public string CorpusFile { get; set; } = "";

    /// <summary>Total words W = normal-weight × Normal(mean, sd) + gamma-weight × Gamma(shape, scale).</summary>
    public double NormalWeight { get; set; } = 0.3;

    public double NormalMean { get; set; } = 1000;

    public double NormalStandardDeviation { get; set; } = 850;

    public double GammaWeight { get; set; } = 0.7;

    public double GammaShape { get; set; } = 0.5;

    public double GammaScale { get; set; } = 2000;

    /// <summary>W at or above this is redrawn as <see cref="FallbackWords"/> (reference: max_model_len / 4).</summary>
    public int MaxWords { get; set; } = 5000;

    public int FallbackWords { get; set; } = 1000;

    /// <summary>W at or below zero becomes this.</summary>
    public int MinWords { get; set; } = 20;

    public int MinMessages { get; set; } = 2;

    public int MaxMessages { get; set; } = 10;

    /// <summary>Words of the user turn appended when a chat would otherwise end on an assistant turn.</summary>
    public int ClosingUserWords { get; set; } = 10;

    public int MinMaxTokens { get; set; } = 50;

    public int MaxMaxTokens { get; set; } = 2000;

    /// <summary>Seeds sent to miners are drawn from [1, MaxSeed].</summary>
    public int MaxSeed { get; set; } = 100_000_000;

    /// <summary>Temperatures are round(U(0, 1), 1) scaled into [0, MaxTemperature].</summary>
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
