namespace Sn19.Actors.Wire.Fiber;

using System.Buffers.Binary;
using System.Security.Cryptography;

/// <summary>
/// Fernet (the specification at github.com/fernet/spec, as Python's <c>cryptography</c> implements it), which fiber uses
/// for every payload after the key exchange and for a miner's stored symmetric keys. A 32-byte key: the first half signs
/// (HMAC-SHA256), the second encrypts (AES-128-CBC, PKCS#7). A token is base64url of
/// <c>0x80 ‖ seconds (u64 big-endian) ‖ IV (16) ‖ ciphertext ‖ HMAC (32) over all before it</c>.
/// </summary>
public sealed class Fernet
{
    private const byte Version = 0x80;
    private const int HeaderLength = 1 + 8 + 16;
    private const int MacLength = 32;

    /// <summary>How far in the future a token's time may be when a time to live is checked (cryptography's 60 s).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(60);

    private readonly byte[] _signingKey;
    private readonly byte[] _encryptionKey;

    public Fernet(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"a Fernet key is 32 bytes; got {key.Length}", nameof(key));
        }

        _signingKey = key[..16].ToArray();
        _encryptionKey = key[16..].ToArray();
    }

    /// <summary>The key as Fernet writes it: 32 bytes in base64url (padding optional; the standard alphabet is accepted too,
    /// as Python's decoder does).</summary>
    public static Fernet FromKey(string key) =>
        new(Base64Url.TryDecode(key) is { Length: 32 } bytes ? bytes : throw new ArgumentException("a Fernet key is 32 bytes in base64url", nameof(key)));

    /// <summary>A new token for <paramref name="plaintext"/> with a random IV, stamped with <paramref name="now"/>.</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext, DateTimeOffset now)
    {
        Span<byte> iv = stackalloc byte[16];
        RandomNumberGenerator.Fill(iv);
        return Encrypt(plaintext, now, iv);
    }

    /// <summary>A token with the given IV (the specification's vectors fix it; otherwise use the random-IV overload).</summary>
    public string Encrypt(ReadOnlySpan<byte> plaintext, DateTimeOffset now, ReadOnlySpan<byte> iv)
    {
        if (iv.Length != 16)
        {
            throw new ArgumentException("the IV is 16 bytes", nameof(iv));
        }

        using var aes = Aes.Create();
        aes.Key = _encryptionKey;
        var ciphertext = aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7);
        var token = new byte[HeaderLength + ciphertext.Length + MacLength];
        token[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(token.AsSpan(1), (ulong)now.ToUnixTimeSeconds());
        iv.CopyTo(token.AsSpan(9));
        ciphertext.CopyTo(token.AsSpan(HeaderLength));
        HMACSHA256.HashData(_signingKey, token.AsSpan(0, token.Length - MacLength), token.AsSpan(token.Length - MacLength));
        return Base64Url.Encode(token);
    }

    /// <summary>
    /// The plaintext of <paramref name="token"/>. With <paramref name="timeToLive"/>, a token older than that at
    /// <paramref name="now"/>, or stamped more than <see cref="MaxClockSkew"/> after it, is refused; without, its time
    /// is not checked (fiber decrypts payloads so).
    /// </summary>
    /// <exception cref="FernetException">the token is malformed, was not made with this key, or is out of its time.</exception>
    public byte[] Decrypt(string token, DateTimeOffset now, TimeSpan? timeToLive = null)
    {
        var data = Base64Url.TryDecode(token) ?? throw new FernetException("the token is not base64url");
        if (data.Length < HeaderLength + 16 + MacLength || data[0] != Version)
        {
            throw new FernetException(data.Length == 0 || data[0] == Version ? "the token is too short" : $"unknown Fernet version 0x{data[0]:x2}");
        }

        if (timeToLive is { } ttl)
        {
            var stamped = DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(1)), long.MaxValue / 2));
            if (stamped + ttl < now)
            {
                throw new FernetException("the token has expired");
            }

            if (now + MaxClockSkew < stamped)
            {
                throw new FernetException("the token is stamped too far in the future");
            }
        }

        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(_signingKey, data.AsSpan(0, data.Length - MacLength), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, data.AsSpan(data.Length - MacLength)))
        {
            throw new FernetException("the token's HMAC does not match: another key, or tampered with");
        }

        var ciphertext = data.AsSpan(HeaderLength, data.Length - HeaderLength - MacLength);
        if (ciphertext.Length % 16 != 0)
        {
            throw new FernetException("the ciphertext is not a whole number of AES blocks");
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = _encryptionKey;
            return aes.DecryptCbc(ciphertext, data.AsSpan(9, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            throw new FernetException("the plaintext's padding is wrong");
        }
    }
}
