namespace Sn19.Host.Configuration.Hocon;

using System.Text.RegularExpressions;

/// <summary>A string, number, boolean or null. <see cref="Text"/> keeps the text as written (`42.10`
/// stays `42.10`) because configuration values end up as strings anyway.</summary>
internal sealed partial class HoconScalar(HoconScalarKind kind, string text, HoconOrigin origin) : HoconValue(origin)
{
    public HoconScalarKind Kind { get; } = kind;

    public string Text { get; } = text;

    public override bool IsResolved => true;

    /// <summary>An unquoted token standing alone is a number, boolean or null when it reads as one
    /// (JSON syntax); otherwise it is a string.</summary>
    public static HoconScalar FromUnquoted(string text, HoconOrigin origin)
    {
        var kind = text switch
        {
            "true" or "false" => HoconScalarKind.Boolean,
            "null" => HoconScalarKind.Null,
            _ when NumberPattern().IsMatch(text) => HoconScalarKind.Number,
            _ => HoconScalarKind.String,
        };
        return new HoconScalar(kind, text, origin);
    }

    public override HoconValue DeepClone() => this;

    public override string ToString() => Text;

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
