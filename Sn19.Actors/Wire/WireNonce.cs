namespace Sn19.Actors.Wire;

using System.Globalization;
using System.Security.Cryptography;

/// <summary>
/// The envelope nonce: <c>&lt;unix time in ns&gt;_&lt;10 random [A-Za-z0-9]&gt;</c>, as fiber's
/// <c>generate_nonce</c> writes it. The time part bounds how long a nonce can be replayed; the random part
/// keeps two requests in the same nanosecond apart.
/// </summary>
public static class WireNonce
{
    public const int RandomLength = 10;

    /// <summary>19 digits hold every positive <see cref="long"/>; fiber allows up to 1e20 but no real clock gets there.</summary>
    public const int MaxTimeDigits = 19;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A fresh nonce stamped with <paramref name="time"/>'s clock.</summary>
    public static string Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        // The random part comes from the OS CSPRNG: nonces are not secret, but a predictable one would let a
        // third party pre-fill a miner's replay cache with a validator's future nonces.
        var random = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return UnixNanoseconds(time).ToString(CultureInfo.InvariantCulture) + "_" + random;
    }

    /// <summary>Now, in nanoseconds since the Unix epoch (100 ns resolution, the clock's tick).</summary>
    public static long UnixNanoseconds(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
    }

    /// <summary>
    /// True when <paramref name="nonce"/> is exactly <c>digits_10alnum</c> with 1–19 digits that fit a
    /// <see cref="long"/>; <paramref name="unixNanoseconds"/> is the time part.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> nonce, out long unixNanoseconds)
    {
        unixNanoseconds = 0;
        var underscore = nonce.IndexOf('_');
        if (underscore < 1 || underscore > MaxTimeDigits || nonce.Length != underscore + 1 + RandomLength)
        {
            return false;
        }

        var digits = nonce[..underscore];
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        foreach (var c in nonce[(underscore + 1)..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out unixNanoseconds);
    }
}
