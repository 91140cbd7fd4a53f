namespace Sn19.Actors.Wire.Fiber;

/// <summary>Base64url as Fernet and fiber write it: '-' and '_' for '+' and '/', '=' padding kept.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');

    /// <summary>The bytes, or null when <paramref name="text"/> is not base64 in either alphabet (padding may be left out).</summary>
    public static byte[]? TryDecode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var standard = text.Trim().Replace('-', '+').Replace('_', '/');
        if (standard.Length % 4 == 1)
        {
            return null;
        }

        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length / 4 * 3];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
