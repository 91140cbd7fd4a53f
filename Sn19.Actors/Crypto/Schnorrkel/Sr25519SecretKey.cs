namespace Sn19.Actors.Crypto.Schnorrkel;

using System.Security.Cryptography;
using Sn19.Actors.Crypto.Merlin;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// A schnorrkel secret key: a scalar mod l (the signing key) and a 32-byte nonce seed used only to
/// derandomise signatures. Serialised as scalar ‖ nonce (schnorrkel <c>SecretKey::to_bytes</c>, sp-core
/// <c>to_raw_vec</c>, bittensor's <c>privateKey</c>).
/// </summary>
internal sealed class Sr25519SecretKey
{
    public const int Length = 64;

    private readonly byte[] _scalar;
    private readonly byte[] _nonce;

    private Sr25519SecretKey(byte[] scalar, byte[] nonce)
    {
        _scalar = scalar;
        _nonce = nonce;
        PublicKey = new byte[Ristretto255.PointLength];
        if (!Ristretto255.MultiplyBase(PublicKey, _scalar))
        {
            throw new CryptographicException("sr25519 secret scalar is zero");
        }
    }

    public byte[] PublicKey { get; }

    public ReadOnlySpan<byte> Scalar => _scalar;

    /// <summary>
    /// schnorrkel <c>MiniSecretKey::expand(ExpansionMode::Ed25519)</c>: SHA-512 of the mini secret, the
    /// first half clamped as Ed25519 clamps it and then divided by the cofactor 8 (so the scalar stays a
    /// clean value mod l), the second half as the nonce.
    /// </summary>
    public static Sr25519SecretKey FromMiniSecret(ReadOnlySpan<byte> miniSecret)
    {
        if (miniSecret.Length != 32)
        {
            throw new ArgumentException("an sr25519 mini secret key is 32 bytes", nameof(miniSecret));
        }

        Span<byte> hash = stackalloc byte[64];
        SHA512.HashData(miniSecret, hash);
        var key = hash[..32].ToArray();
        key[0] &= 248;
        key[31] &= 63;
        key[31] |= 64;
        DivideByCofactor(key);
        var nonce = hash[32..].ToArray();
        hash.Clear();
        return new Sr25519SecretKey(key, nonce);
    }

    /// <summary>Parses scalar ‖ nonce; null when the length is wrong or the scalar is not reduced mod l.</summary>
    public static Sr25519SecretKey? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length || !Ristretto255.IsCanonicalScalar(bytes[..32]) || IsZero(bytes[..32]))
        {
            return null;
        }

        return new Sr25519SecretKey(bytes[..32].ToArray(), bytes[32..].ToArray());
    }

    /// <summary>
    /// Parses the Ed25519-compatible form (scalar·8 ‖ nonce) that polkadot-js and schnorrkel's
    /// <c>to_ed25519_bytes</c> use.
    /// </summary>
    public static Sr25519SecretKey? FromEd25519Bytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            return null;
        }

        var key = bytes[..32].ToArray();
        DivideByCofactor(key);
        return FromBytes([.. key, .. bytes[32..]]);
    }

    public byte[] ToBytes() => [.. _scalar, .. _nonce];

    /// <summary>
    /// schnorrkel <c>SecretKey::sign</c>: proto-name "Schnorr-sig", commit the public key and
    /// R = r·B (r a witness scalar from the nonce and external randomness), challenge k, s = k·key + r.
    /// The returned 64 bytes are R ‖ s with the high bit of the last byte set (schnorrkel's marker).
    /// </summary>
    public byte[] Sign(MerlinTranscript t, Action<Span<byte>> fillRandom)
    {
        SchnorrkelTranscript.ProtoName(t, "Schnorr-sig"u8);
        SchnorrkelTranscript.CommitPoint(t, "sign:pk"u8, PublicKey);

        Span<byte> r = stackalloc byte[32];
        SchnorrkelTranscript.WitnessScalar(t, "signing"u8, r, _nonce, fillRandom);

        var signature = new byte[64];
        var bigR = signature.AsSpan(0, 32);
        if (!Ristretto255.MultiplyBase(bigR, r))
        {
            throw new CryptographicException("sr25519 witness scalar was zero");
        }

        SchnorrkelTranscript.CommitPoint(t, "sign:R"u8, bigR);

        Span<byte> k = stackalloc byte[32];
        SchnorrkelTranscript.ChallengeScalar(t, "sign:c"u8, k);

        Span<byte> kx = stackalloc byte[32];
        Ristretto255.ScalarMultiply(kx, k, _scalar);
        Ristretto255.ScalarAdd(signature.AsSpan(32, 32), kx, r);
        r.Clear();
        kx.Clear();
        signature[63] |= 0x80;
        return signature;
    }

    /// <summary>
    /// schnorrkel <c>hard_derive_mini_secret_key(Some(chain_code), b"")</c> as sp-core uses it for a hard
    /// junction: a transcript "SchnorrRistrettoHDKD" over the empty "sign-bytes", the chain code and the
    /// secret scalar; 32 challenge bytes "HDKD-hard" become the child's mini secret.
    /// </summary>
    public byte[] HardDeriveMiniSecret(ReadOnlySpan<byte> chainCode)
    {
        var t = new MerlinTranscript("SchnorrRistrettoHDKD"u8);
        t.AppendMessage("sign-bytes"u8, ReadOnlySpan<byte>.Empty);
        t.AppendMessage("chain-code"u8, chainCode);
        t.AppendMessage("secret-key"u8, _scalar);
        var miniSecret = new byte[32];
        t.ChallengeBytes("HDKD-hard"u8, miniSecret);
        t.Clear();
        return miniSecret;
    }

    /// <summary>
    /// schnorrkel <c>derived_key_simple(chain_code, b"")</c> for a soft junction: the public derivation
    /// scalar from <see cref="SoftDerivation"/> is added to the secret scalar; the child's nonce comes from
    /// the transcript RNG keyed by this key's nonce and bytes (so it is random, as in schnorrkel).
    /// </summary>
    public Sr25519SecretKey SoftDerive(ReadOnlySpan<byte> chainCode, Action<Span<byte>> fillRandom)
    {
        var t = SoftDerivation.Transcript();
        Span<byte> delta = stackalloc byte[32];
        SoftDerivation.ScalarAndChainCode(t, PublicKey, chainCode, delta);

        var nonce = new byte[32];
        var bytes = ToBytes();
        SchnorrkelTranscript.WitnessBytes(t, "HDKD-nonce"u8, nonce, _nonce, bytes, fillRandom);
        CryptographicOperations.ZeroMemory(bytes);

        var scalar = new byte[32];
        Ristretto255.ScalarAdd(scalar, _scalar, delta);
        delta.Clear();
        return new Sr25519SecretKey(scalar, nonce);
    }

    private static void DivideByCofactor(Span<byte> scalar)
    {
        byte carry = 0;
        for (var i = scalar.Length - 1; i >= 0; i--)
        {
            var remainder = (byte)(scalar[i] & 0b111);
            scalar[i] = (byte)((scalar[i] >> 3) + carry);
            carry = (byte)(remainder << 5);
        }
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0) < 0;
}
