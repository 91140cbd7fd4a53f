namespace Sn19.Actors.Organic;

/// <summary>How a reservation ended; each maps to one HTTP status at the gateway.</summary>
public enum ReserveVerdict
{
    /// <summary>Credit held; send the request.</summary>
    Reserved,

    /// <summary>No such key, or the secret does not match (401).</summary>
    UnknownKey,

    /// <summary>The key was revoked (401).</summary>
    Revoked,

    /// <summary>Not enough credit for the prompt and one completion token (402).</summary>
    NoCredit,

    /// <summary>Requests or tokens per minute reached (429 with Retry-After).</summary>
    RateLimited,

    /// <summary>This request id was reserved and closed before: it is not reopened.</summary>
    AlreadyClosed,
}
