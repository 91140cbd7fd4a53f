namespace Sn19.Host.Cli.Keys;

using System.CommandLine;
using System.Text;

/// <summary>The message to sign or verify: --message TEXT (UTF-8 bytes) or --hex HEX (raw bytes).</summary>
internal sealed class MessageInput
{
    private readonly Option<string?> _text = new("--message") { Description = "Message text (signed as its UTF-8 bytes)" };
    private readonly Option<string?> _hex = new("--hex") { Description = "Or the message as hex bytes (0x optional)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_text);
        command.Options.Add(_hex);
    }

    /// <summary>The bytes; throws <see cref="FormatException"/> unless exactly one form is given and valid.</summary>
    public byte[] Read(ParseResult r)
    {
        var text = r.GetValue(_text);
        var hex = r.GetValue(_hex);
        if ((text is null) == (hex is null))
        {
            throw new FormatException("give exactly one of --message or --hex");
        }

        return text is not null ? Encoding.UTF8.GetBytes(text) : HexBytes.Parse(hex!, "--hex");
    }
}
