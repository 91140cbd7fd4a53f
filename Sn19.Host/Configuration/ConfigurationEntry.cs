namespace Sn19.Host.Configuration;

/// <summary>One effective value: its key as a HOCON path (`logging.file.max-size`), its key in
/// IConfiguration form (`logging:file:max-size`), the value, and where it was set.</summary>
public sealed record ConfigurationEntry(string Key, string ConfigurationKey, string? Value, string Source);
