namespace Sn19.Host.Configuration;

using System.ComponentModel;

/// <summary>Makes ConfigurationBinder read HOCON durations into <see cref="TimeSpan"/>. Idempotent; the
/// loader calls it, and anything binding options without the loader (tests) may call it too.</summary>
internal static class ConfigurationConverters
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        }
    }
}
