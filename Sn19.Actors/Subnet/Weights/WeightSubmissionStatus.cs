namespace Sn19.Actors.Subnet.Weights;

/// <summary>What happened to a computed round. Persisted and shown by name; append only.</summary>
public enum WeightSubmissionStatus
{
    Submitted = 0,
    RateLimited = 1,
    NothingToSet = 2,
    NotRegistered = 3,
    Refused = 4,
    ChainUnavailable = 5,

    /// <summary>The signer would not sign the submission (policy, token, or unreachable).</summary>
    SignerRefused = 6,
}
