namespace Sn19.Host.Configuration;

using System.ComponentModel;
using System.Globalization;

/// <summary>Reads <see cref="TimeSpan"/> from HOCON durations (`30s`, `5 minutes`); registered for TimeSpan
/// by <see cref="ConfigurationConverters.Register"/> so ConfigurationBinder uses it.</summary>
internal sealed class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Durations.Parse(text) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is TimeSpan span
            ? span.ToString("c", CultureInfo.InvariantCulture)
            : base.ConvertTo(context, culture, value, destinationType);
}
