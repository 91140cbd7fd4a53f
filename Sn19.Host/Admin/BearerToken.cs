namespace Sn19.Host.Admin;

using System.Security.Cryptography;
using System.Text;

/// <summary>Checks an <c>Authorization: Bearer …</c> header against the configured token in constant time.</summary>
internal static class BearerToken
{
    public static bool IsValid(string? header, string expected)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(expected) || header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        var wanted = Encoding.UTF8.GetBytes(expected);
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(presented), SHA256.HashData(wanted));
    }
}
