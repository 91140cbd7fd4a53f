namespace Sn19.Host.Organic;

using Microsoft.Extensions.Logging;
using Sn19.Actors.Cluster;
using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Admin;
using Sn19.Host.Configuration;
using Sn19.Host.Hosting;

/// <summary>Starts a validator node's organic API from its configuration, where it should run, and says where.</summary>
internal static class OrganicHosting
{
    /// <summary>The API on organic.host:organic.port when organic.enabled and the node has the organic role; else null.
    /// A busy port fails a node that must serve there (<paramref name="required"/>); otherwise a free port is taken.</summary>
    public static async Task<OrganicServer?> StartAsync(
        Sn19Configuration configuration, ValidatorNode node, ClusterOptions cluster, ILoggerFactory loggers, TextWriter output, bool required,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cluster);
        var options = configuration.GetOptions<OrganicOptions>("organic");
        if (!options.Enabled || !cluster.Has(ClusterRoles.Organic) || node.Keys is null)
        {
            return null;
        }

        var usageFlush = configuration.GetOptions<Dashboard.DashboardOptions>("dashboard").UsageFlush;
        var server = await KestrelStart.OnPortOrAnyAsync(
            port =>
            {
                options.Port = port;
                return OrganicServer.StartAsync(node, options, usageFlush, loggers, cancellationToken);
            },
            options.Port, "organic.port", "The organic API's", required, output);

        await output.WriteLineAsync($"Organic API (OpenAI-compatible): {server.Address}/v1 · docs {server.Address}/docs · keys: sn19 ctl keys create --name NAME --credit 10");
        return server;
    }

    /// <summary>What `keys create` gives a key without --credit, --rpm, --tpm.</summary>
    public static KeyDefaults KeyDefaults(Sn19Configuration configuration)
    {
        var options = configuration.GetOptions<OrganicOptions>("organic");
        return new KeyDefaults(options.DefaultCredit, options.DefaultRequestsPerMinute, options.DefaultTokensPerMinute);
    }
}
