namespace Sn19.Actors.Wire.Queries;

/// <summary>How long the validator waits at each stage of a query before it counts as failed.</summary>
public sealed class QueryTimeouts
{
    /// <summary>TCP connect to the miner's axon.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>From sending the request to the first token (or to the headers of a refused request).</summary>
    public TimeSpan FirstToken { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest silence between two tokens.</summary>
    public TimeSpan BetweenTokens { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole query, first byte to last.</summary>
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
