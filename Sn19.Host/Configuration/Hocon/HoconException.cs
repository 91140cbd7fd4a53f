namespace Sn19.Host.Configuration.Hocon;

/// <summary>A HOCON text that cannot be read or resolved; names the file, line and (when known) key.</summary>
public sealed class HoconException : ConfigurationException
{
    public HoconException()
    {
    }

    public HoconException(string message)
        : base(message)
    {
    }

    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconException(string detail, HoconOrigin origin, string? key)
        : base(detail, origin.Description, origin.Line > 0 ? origin.Line : null, key)
    {
    }
}
