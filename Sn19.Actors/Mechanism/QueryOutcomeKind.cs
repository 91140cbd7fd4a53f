namespace Sn19.Actors.Mechanism;

/// <summary>How a query to a miner ended (MECHANISM.md "Per period" 4). Persisted: append only.</summary>
public enum QueryOutcomeKind
{
    Ok = 0,
    RateLimited = 1,
    Failed = 2,
}
