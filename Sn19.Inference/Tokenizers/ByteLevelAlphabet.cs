namespace Sn19.Inference.Tokenizers;

/// <summary>
/// GPT-2's reversible map from bytes to printable characters: printable Latin-1 bytes ('!'..'~', '¡'..'¬', '®'..'ÿ')
/// map to themselves, the other 68 bytes to U+0100 onwards in byte order (so ' ' is 'Ġ' U+0120, '\n' is 'Ċ' U+010A).
/// Byte-level BPE vocabularies and merges are written in these characters.
/// </summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte = BuildCharToByte();

    public static char Encode(byte b) => ByteToChar[b];

    public static bool TryDecode(char c, out byte b) => CharToByte.TryGetValue(c, out b);

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }

    private static Dictionary<char, byte> BuildCharToByte()
    {
        var map = new Dictionary<char, byte>(256);
        for (var b = 0; b < 256; b++)
        {
            map[ByteToChar[b]] = (byte)b;
        }

        return map;
    }
}
