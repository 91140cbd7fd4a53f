namespace Sn19.Host.Cli.Keys;

/// <summary>Hex text with an optional 0x prefix → bytes, with a clear error naming the option.</summary>
internal static class HexBytes
{
    public static byte[] Parse(string text, string what)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"{what} is not hex");
        }
    }
}
