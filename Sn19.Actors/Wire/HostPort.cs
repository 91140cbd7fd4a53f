namespace Sn19.Actors.Wire;

using System.Globalization;
using System.Net;

/// <summary>
/// A listen address written <c>host:port</c> (<c>[::1]:8091</c> for IPv6). The host must be an IP literal
/// or <c>localhost</c>: Kestrel binds every interface for any other name, and a host without a port would
/// bind port 80, so both are configuration errors rather than guesses. Port 0 picks a free one.
/// </summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>The address as Kestrel's <c>UseUrls</c> takes it.</summary>
    public string HttpUrl => "http://" + ToString();

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out HostPort address, out string problem)
    {
        address = default;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            problem = $"'{text}' is not host:port (e.g. 127.0.0.1:8091; port 0 picks a free one)";
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65_535)
        {
            problem = $"'{text}' has no port in 0..65535 after its last ':'";
            return false;
        }

        if (!string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(host, out _))
        {
            problem = $"'{host}' in '{text}' is not an IP address or localhost";
            return false;
        }

        address = new HostPort(host, port);
        problem = string.Empty;
        return true;
    }
}
