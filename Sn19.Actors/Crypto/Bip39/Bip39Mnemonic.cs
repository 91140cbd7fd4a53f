namespace Sn19.Actors.Crypto.Bip39;

using System.Security.Cryptography;
using System.Text;
using Sn19.Actors.Crypto.Sodium;

/// <summary>
/// BIP-0039 English mnemonics and Substrate's mnemonic → mini secret rule (substrate-bip39): the
/// <em>entropy</em> (not the BIP-0039 seed) is the PBKDF2-HMAC-SHA512 password, salt "mnemonic" ‖ passphrase,
/// 2048 iterations; the first 32 bytes of the 64-byte output are the sr25519 mini secret.
/// </summary>
public static class Bip39Mnemonic
{
    public static readonly IReadOnlyList<int> AllowedWordCounts = [12, 15, 18, 21, 24];

    private const int Pbkdf2Iterations = 2048;

    /// <summary>A new mnemonic of <paramref name="words"/> words from libsodium's CSPRNG.</summary>
    public static string Generate(int words = 12)
    {
        if (!AllowedWordCounts.Contains(words))
        {
            throw new ArgumentOutOfRangeException(nameof(words), words, "a mnemonic has 12, 15, 18, 21 or 24 words");
        }

        var entropy = SodiumRandom.Bytes(words * 4 / 3);
        try
        {
            return FromEntropy(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>Entropy (16, 20, 24, 28 or 32 bytes) → phrase: 11-bit groups of entropy ‖ SHA-256 checksum bits.</summary>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException("BIP-0039 entropy is 16, 20, 24, 28 or 32 bytes", nameof(entropy));
        }

        var checksumBits = entropy.Length / 4;
        var hash = SHA256.HashData(entropy);
        var bits = new byte[entropy.Length + 1];
        entropy.CopyTo(bits);
        bits[^1] = hash[0];

        var wordCount = ((entropy.Length * 8) + checksumBits) / 11;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var b = 0; b < 11; b++)
            {
                index = (index << 1) | Bit(bits, (w * 11) + b);
            }

            words[w] = Bip39WordList.Word(index);
        }

        CryptographicOperations.ZeroMemory(bits);
        return string.Join(' ', words);
    }

    /// <summary>Phrase → entropy; false (with a reason) for an unknown word, a wrong word count or a bad checksum.</summary>
    public static bool TryToEntropy(string phrase, out byte[] entropy, out string error)
    {
        entropy = [];
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!AllowedWordCounts.Contains(words.Length))
        {
            error = $"a mnemonic has 12, 15, 18, 21 or 24 words; this one has {words.Length}";
            return false;
        }

        var totalBits = words.Length * 11;
        var checksumBits = totalBits / 33;
        var entropyBytes = (totalBits - checksumBits) / 8;
        var bits = new byte[(totalBits + 7) / 8];
        for (var w = 0; w < words.Length; w++)
        {
            if (!Bip39WordList.TryIndex(words[w].ToLowerInvariant(), out var index))
            {
                error = $"word {w + 1} is not in the BIP-0039 English list";
                return false;
            }

            for (var b = 0; b < 11; b++)
            {
                if (((index >> (10 - b)) & 1) != 0)
                {
                    var position = (w * 11) + b;
                    bits[position / 8] |= (byte)(0x80 >> (position % 8));
                }
            }
        }

        var candidate = bits.AsSpan(0, entropyBytes).ToArray();
        var hash = SHA256.HashData(candidate);
        for (var b = 0; b < checksumBits; b++)
        {
            if (Bit(hash, b) != Bit(bits, (entropyBytes * 8) + b))
            {
                CryptographicOperations.ZeroMemory(bits);
                CryptographicOperations.ZeroMemory(candidate);
                error = "the mnemonic's checksum does not match (a word is wrong or out of order)";
                return false;
            }
        }

        CryptographicOperations.ZeroMemory(bits);
        entropy = candidate;
        error = string.Empty;
        return true;
    }

    public static bool IsValid(string phrase) => TryToEntropy(phrase, out _, out _);

    /// <summary>Substrate's mini secret for a phrase and optional passphrase; throws <see cref="FormatException"/> for a bad phrase.</summary>
    public static byte[] ToMiniSecret(string phrase, string? password = null)
    {
        if (!TryToEntropy(phrase, out var entropy, out var error))
        {
            throw new FormatException(error);
        }

        try
        {
            return MiniSecretFromEntropy(entropy, password);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    public static byte[] MiniSecretFromEntropy(ReadOnlySpan<byte> entropy, string? password = null)
    {
        var salt = Encoding.UTF8.GetBytes("mnemonic" + (password ?? string.Empty));
        var seed = Rfc2898DeriveBytes.Pbkdf2(entropy, salt, Pbkdf2Iterations, HashAlgorithmName.SHA512, 64);
        var mini = seed[..32];
        CryptographicOperations.ZeroMemory(seed);
        return mini;
    }

    private static int Bit(ReadOnlySpan<byte> bytes, int position) => (bytes[position / 8] >> (7 - (position % 8))) & 1;
}
