namespace Sn19.Actors.Crypto.Wallets;

/// <summary>Why a keyfile could not be read or written (expected failures, reported as values).</summary>
public enum KeyfileError
{
    None,
    NotFound,
    AlreadyExists,
    PasswordRequired,
    WrongPassword,
    Corrupt,
    UnsupportedEncryption,
    InvalidName,
}
