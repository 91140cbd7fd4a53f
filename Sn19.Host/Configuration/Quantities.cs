namespace Sn19.Host.Configuration;

using System.Globalization;

/// <summary>Splits `12.5 MiB` into its number and unit, the shared grammar of durations and sizes.</summary>
internal static class Quantities
{
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        unit = text[i..].Trim();
        return decimal.TryParse(text.AsSpan(0, i), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
               && unit.All(char.IsAsciiLetter);
    }
}
