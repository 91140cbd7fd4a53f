namespace Sn19.Actors.Crypto.Wallets;

using System.Security.Cryptography;
using System.Text;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// Bittensor's keyfile encryption (btwallet keyfile.rs): key = Argon2i13(password, the fixed 16-byte
/// NACL_SALT, libsodium's SENSITIVE limits: 8 passes over 512 MiB), output "$NACL" ‖ nonce(24) ‖
/// secretbox(data). Deriving a key therefore takes about a second and half a GiB of memory.
/// </summary>
public sealed class KeyfileCipher
{
    /// <summary>btwallet's NACL_SALT, b"\x13q\x83\xdf\xf1Z\t\xbc\x9c\x90\xb5Q\x879\xe9\xb1".</summary>
    private static readonly byte[] NaclSalt =
    [
        0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1,
    ];

    private static readonly byte[] NaclPrefix = "$NACL"u8.ToArray();

    private readonly ulong _opsLimit;
    private readonly ulong _memLimit;

    /// <param name="opsLimit">Argon2i passes; bittensor uses 8.</param>
    /// <param name="memLimit">Argon2i memory in bytes; bittensor uses 512 MiB.</param>
    internal KeyfileCipher(ulong opsLimit, ulong memLimit)
    {
        _opsLimit = opsLimit;
        _memLimit = memLimit;
    }

    /// <summary>The cipher bittensor's tools read and write.</summary>
    public static KeyfileCipher Bittensor { get; } = new(Argon2i.OpsLimitSensitive, Argon2i.MemLimitSensitive);

    public static KeyfileEncryption Detect(ReadOnlySpan<byte> data) => data switch
    {
        _ when data.StartsWith(NaclPrefix) => KeyfileEncryption.NaCl,
        _ when data.StartsWith("$ANSIBLE_VAULT"u8) => KeyfileEncryption.AnsibleVault,
        _ when data.StartsWith("gAAAAA"u8) => KeyfileEncryption.LegacyFernet,
        _ => KeyfileEncryption.None,
    };

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, string password)
    {
        var key = DeriveKey(password);
        var nonce = SodiumRandom.Bytes(SecretBox.NonceLength);
        try
        {
            var box = SecretBox.Seal(plaintext, nonce, key);
            return [.. NaclPrefix, .. nonce, .. box];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Opens "$NACL" data; null when the password is wrong (or the data was altered).</summary>
    public byte[]? Decrypt(ReadOnlySpan<byte> data, string password)
    {
        if (Detect(data) != KeyfileEncryption.NaCl || data.Length < NaclPrefix.Length + SecretBox.NonceLength + SecretBox.MacLength)
        {
            throw new FormatException("not a $NACL keyfile");
        }

        var body = data[NaclPrefix.Length..];
        var key = DeriveKey(password);
        try
        {
            return SecretBox.Open(body[SecretBox.NonceLength..], body[..SecretBox.NonceLength], key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private byte[] DeriveKey(string password) =>
        Argon2i.DeriveKey(Encoding.UTF8.GetBytes(password), NaclSalt, SecretBox.KeyLength, _opsLimit, _memLimit);
}
