namespace Sn19.Actors.Wire;

/// <summary>
/// Why the miner refused a request. Each maps to one HTTP status and a short error code
/// (<see cref="EnvelopeRejections"/>); the checks run in the order listed.
/// </summary>
public enum EnvelopeRejection
{
    None = 0,

    /// <summary>400: a required header is absent.</summary>
    MissingHeader,

    /// <summary>400: a header is present but not of its form (nonce, SS58, signature hex).</summary>
    MalformedHeader,

    /// <summary>400: the request names another miner's hotkey.</summary>
    WrongMiner,

    /// <summary>408: the nonce's time is more than the window away from now (either side).</summary>
    StaleNonce,

    /// <summary>409: this validator already used this nonce.</summary>
    ReplayedNonce,

    /// <summary>403: the validator hotkey is not registered in the metagraph.</summary>
    UnknownValidator,

    /// <summary>403: the validator's stake is below the configured minimum.</summary>
    LowStake,

    /// <summary>429: this validator already has the most requests whose bodies are still being checked.</summary>
    TooManyUnverified,

    /// <summary>413: the body is larger than the configured maximum.</summary>
    BodyTooLarge,

    /// <summary>401: the signature does not verify over nonce, both hotkeys and the body's hash.</summary>
    BadSignature,

    /// <summary>429: the validator's share of the replay cache is full of live nonces.</summary>
    TooManyNonces,
}
