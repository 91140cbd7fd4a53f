namespace Sn19.Host.Miner.Hostile;

using System.Globalization;

/// <summary>
/// A hostile kind and its one parameter, written <c>KIND[:VALUE]</c>: <c>early-eos[:share of max_tokens, 0.5]</c>,
/// <c>truncated</c>, <c>replay</c>, <c>logprob-noise[:sigma in nats, 0.5]</c>, <c>forger:MODEL.gguf</c> (the cheaper model).
/// </summary>
internal sealed record HostileSetting(HostileKind Kind, double Amount, string? ModelFile)
{
    public const string Help = "early-eos[:SHARE], truncated, replay, logprob-noise[:SIGMA], forger:CHEAPER-MODEL.gguf";

    /// <summary>Reads <paramref name="text"/>; null with <paramref name="error"/> saying what is wrong.</summary>
    public static HostileSetting? Parse(string text, out string? error)
    {
        error = null;
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var name = (separator < 0 ? text : text[..separator]).Trim().ToLowerInvariant();
        var value = separator < 0 ? null : text[(separator + 1)..].Trim();
        switch (name)
        {
            case "early-eos":
                return Fraction(value, 0.5, HostileKind.EarlyEos, out error);
            case "truncated" when value is null:
                return new HostileSetting(HostileKind.Truncated, 0.5, null);
            case "replay" when value is null:
                return new HostileSetting(HostileKind.Replay, 0, null);
            case "logprob-noise":
                if (value is null)
                {
                    return new HostileSetting(HostileKind.LogprobNoise, 0.5, null);
                }

                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var sigma) && sigma > 0 && sigma <= 10)
                {
                    return new HostileSetting(HostileKind.LogprobNoise, sigma, null);
                }

                error = $"logprob-noise takes a sigma in nats in (0, 10], not '{value}'";
                return null;
            case "forger" when !string.IsNullOrWhiteSpace(value):
                return new HostileSetting(HostileKind.Forger, 0, value);
            case "forger":
                error = "forger needs the cheaper model it generates with: forger:PATH.gguf";
                return null;
            default:
                error = $"unknown hostile kind '{text}'; one of {Help}";
                return null;
        }
    }

    private static HostileSetting? Fraction(string? value, double fallback, HostileKind kind, out string? error)
    {
        error = null;
        if (value is null)
        {
            return new HostileSetting(kind, fallback, null);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share > 0 && share < 1)
        {
            return new HostileSetting(kind, share, null);
        }

        error = $"{kind} takes a share of max_tokens in (0, 1), not '{value}'";
        return null;
    }
}
