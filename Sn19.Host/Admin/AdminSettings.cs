namespace Sn19.Host.Admin;

using Sn19.Actors.Kernel;
using Sn19.Host.Configuration;

/// <summary>
/// Binds the admin API's options from the layered configuration: section <c>admin</c> (hocon/defaults/actors.conf,
/// environment SN19__admin__…), with <c>actors.ask-timeout</c> as the per-actor summary deadline.
/// </summary>
internal static class AdminSettings
{
    public static (AdminOptions Admin, ActorSystemOptions Actors) Load()
    {
        var configuration = Sn19ConfigurationLoader.Load(new ConfigurationRequest());
        var admin = configuration.GetOptions<AdminOptions>("admin");
        var actors = configuration.GetOptions<ActorSystemOptions>("actors");
        admin.SummaryTimeout = actors.AskTimeout;
        return (admin, actors);
    }
}
