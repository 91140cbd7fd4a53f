namespace Sn19.Host.Configuration.Hocon;

internal enum HoconScalarKind
{
    String,
    Number,
    Boolean,
    Null,

    /// <summary>Whitespace between the parts of a value concatenation; kept for strings, dropped for
    /// arrays and objects. Never appears in a resolved tree.</summary>
    Whitespace,
}
