namespace Sn19.Actors.Wire;

/// <summary>
/// The signature header's text: <c>0x</c> + 128 lowercase hex digits (substrate-interface's format,
/// checking-and-fiber.md §B.3). Parsing also accepts uppercase digits and a missing <c>0x</c>.
/// </summary>
public static class SignatureHex
{
    public const int SignatureBytes = 64;

    public static string Format(ReadOnlySpan<byte> signature) => "0x" + Convert.ToHexStringLower(signature);

    public static bool TryParse(ReadOnlySpan<char> text, out byte[] signature)
    {
        signature = [];
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        if (text.Length != SignatureBytes * 2)
        {
            return false;
        }

        var bytes = new byte[SignatureBytes];
        if (Convert.FromHexString(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes)
        {
            return false;
        }

        signature = bytes;
        return true;
    }
}
