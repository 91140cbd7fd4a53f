namespace Sn19.Actors.Wire.Queries;

using Microsoft.Extensions.Configuration;

/// <summary>How long the validator waits at each stage of a query before it counts as failed.</summary>
public sealed class QueryTimeouts
{
    /// <summary>TCP connect to the miner's axon.</summary>
    [ConfigurationKeyName("connect")]
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>From sending the request to the first token (or to the headers of a refused request).</summary>
    [ConfigurationKeyName("first-token")]
    public TimeSpan FirstToken { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest silence between two tokens.</summary>
    [ConfigurationKeyName("between-tokens")]
    public TimeSpan BetweenTokens { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole query, first byte to last.</summary>
    [ConfigurationKeyName("total")]
    public TimeSpan Total { get; set; } = TimeSpan.FromSeconds(60);

    public void Validate()
    {
        if (Connect <= TimeSpan.Zero || FirstToken <= TimeSpan.Zero || BetweenTokens <= TimeSpan.Zero || Total < FirstToken)
        {
            throw new InvalidOperationException(
                "validator.query.timeouts: connect, first-token and between-tokens must be positive and total >= first-token.");
        }
    }
}
