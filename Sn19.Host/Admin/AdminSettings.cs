namespace Sn19.Host.Admin;

using Sn19.Host.Configuration;

/// <summary>
/// Binds the admin API's options from the layered configuration: section <c>admin</c>
/// (hocon/defaults/admin.conf, environment SN19__admin__…).
/// </summary>
internal static class AdminSettings
{
    public static AdminOptions Load() =>
        Sn19ConfigurationLoader.Load(new ConfigurationRequest()).GetOptions<AdminOptions>("admin");
}
