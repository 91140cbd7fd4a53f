namespace Sn19.Actors.Crypto.Wallets;

/// <summary>How a keyfile's bytes are protected, recognised by their first bytes as btwallet does.</summary>
public enum KeyfileEncryption
{
    /// <summary>Plain JSON.</summary>
    None,

    /// <summary>"$NACL" ‖ 24-byte nonce ‖ secretbox, key = argon2i(password, NACL_SALT): what bittensor writes today.</summary>
    NaCl,

    /// <summary>"$ANSIBLE_VAULT…": an old bittensor format, not supported here.</summary>
    AnsibleVault,

    /// <summary>"gAAAAA…": Fernet, the oldest bittensor format, not supported here.</summary>
    LegacyFernet,
}
