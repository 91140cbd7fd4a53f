namespace Sn19.Inference.Tokenizers;

using System.Text;

/// <summary>
/// Turns token ids, fed one at a time, into text as soon as it is complete: bytes of a UTF-8 sequence split across
/// tokens (multi-byte characters, byte-fallback tokens such as &lt;0xE2&gt;) are held back until the sequence ends.
/// Not thread-safe; one per generated sequence.
/// </summary>
public sealed class TokenStreamDecoder
{
    private readonly TokenizerBase _tokenizer;
    private readonly bool _renderSpecial;
    private byte[] _pending = new byte[16];
    private int _pendingLength;
    private bool _stripSpace;
    private bool _first = true;

    internal TokenStreamDecoder(TokenizerBase tokenizer, bool stripLeadingSpace, bool renderSpecial)
    {
        _tokenizer = tokenizer;
        _stripSpace = stripLeadingSpace;
        _renderSpecial = renderSpecial;
    }

    /// <summary>Adds one token; returns the text that is now complete (often empty while a character is split).</summary>
    public string Append(int id)
    {
        var piece = _tokenizer.PieceBytes(id, _renderSpecial);
        if (_stripSpace)
        {
            // The space prefix belongs to the first token after an optional BOS.
            if (!(_first && id == _tokenizer.BosId))
            {
                _stripSpace = false;
                if (piece.Length > 0 && piece[0] == (byte)' ')
                {
                    piece = piece[1..];
                }
            }
        }

        _first = false;
        if (_pendingLength + piece.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + piece.Length));
        }

        piece.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += piece.Length;

        var complete = _pendingLength - IncompleteTail(_pending.AsSpan(0, _pendingLength));
        if (complete == 0)
        {
            return string.Empty;
        }

        var text = Encoding.UTF8.GetString(_pending, 0, complete);
        _pending.AsSpan(complete, _pendingLength - complete).CopyTo(_pending);
        _pendingLength -= complete;
        return text;
    }

    /// <summary>Ends the stream: any bytes still held back (an unfinished sequence) come out as U+FFFD.</summary>
    public string Flush()
    {
        var text = Encoding.UTF8.GetString(_pending, 0, _pendingLength);
        _pendingLength = 0;
        return text;
    }

    /// <summary>
    /// Length of a trailing UTF-8 sequence that has started but not finished (0–3 bytes). A lead byte followed by
    /// fewer continuation bytes than it announces is held; anything else is left to the decoder (invalid → U+FFFD).
    /// </summary>
    internal static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte; keep looking for its lead
            }

            var need = b switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 1,
            };
            return need > back ? back : 0;
        }

        return 0;
    }
}
