namespace Sn19.Actors.Chain;

/// <summary>Why the chain refused a call. Stable names: they travel over HTTP as strings.</summary>
public enum ChainErrorCode
{
    /// <summary>The hotkey holds no uid on the subnet.</summary>
    NotRegistered,

    /// <summary>The hotkey already holds a uid.</summary>
    AlreadyRegistered,

    /// <summary>Every uid is taken and every holder is still immune.</summary>
    SubnetFull,

    /// <summary>Weights were set less than <c>WeightsRateLimit</c> blocks ago.</summary>
    RateLimited,

    /// <summary>The version key is below the subnet's <c>WeightsVersionKey</c>.</summary>
    VersionKeyTooLow,

    /// <summary>The vector weights the caller's own uid next to other uids.</summary>
    SelfWeight,

    /// <summary>Only validators with a permit may weight other uids.</summary>
    NoValidatorPermit,

    /// <summary>Fewer uids than <c>min(n, MinAllowedWeights)</c>.</summary>
    TooFewWeights,

    /// <summary>More uids than the subnet has.</summary>
    TooManyWeights,

    /// <summary>uids and values differ in length.</summary>
    LengthMismatch,

    /// <summary>A uid appears twice.</summary>
    DuplicateUid,

    /// <summary>A uid is not registered.</summary>
    UnknownUid,

    /// <summary>A normalized weight exceeds <c>MaxWeightsLimit</c>.</summary>
    MaxWeightExceeded,

    /// <summary>The hotkey's stake is below <c>StakeThreshold</c>.</summary>
    StakeBelowThreshold,

    /// <summary>Removing more stake than the coldkey holds on the hotkey.</summary>
    InsufficientStake,

    /// <summary>An amount of 0 rao or one that overflows.</summary>
    InvalidAmount,

    /// <summary>A key that is not an SS58 address.</summary>
    InvalidAddress,

    /// <summary>An axon address or port that cannot be served.</summary>
    InvalidAxon,

    /// <summary>The signature is not the hotkey's over exactly this weights submission (or names another subnet).</summary>
    BadSignature,

    /// <summary>The submission was signed against a last update that is no longer the hotkey's (a replay, or a stale read).</summary>
    StaleWeights,

    /// <summary>The request was not the chain API's (bad JSON or a missing field).</summary>
    InvalidRequest,

    /// <summary>The chain could not be reached or answered something unreadable.</summary>
    Unavailable,

    /// <summary>This chain does not take the call from Sn19 (on Subtensor: registering and staking spend the coldkey's TAO; use btcli).</summary>
    Unsupported,

    /// <summary>The chain refused for a reason of its own, named in the message (a Subtensor runtime error without a code here).</summary>
    Rejected,
}
