namespace Sn19.Actors.Signing;

/// <summary>Why a signing request produced no signature; <see cref="None"/> when it did.</summary>
public enum SignRefusal
{
    None = 0,

    /// <summary>Unknown client name or wrong token.</summary>
    Unauthenticated,

    /// <summary>The client may not use this hotkey or this kind.</summary>
    NotPermitted,

    /// <summary>A kind the signer does not sign.</summary>
    UnknownKind,

    /// <summary>The fields are not well-formed for their kind (nonce, SS58, hash, weights shape).</summary>
    Malformed,

    /// <summary>The signer holds no such hotkey.</summary>
    UnknownHotkey,

    /// <summary>The request frame exceeded the signer's size limit.</summary>
    TooLarge,

    /// <summary>The signer could not be reached or broke the protocol.</summary>
    Unavailable,
}
