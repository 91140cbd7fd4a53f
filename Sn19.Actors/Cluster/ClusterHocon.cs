namespace Sn19.Actors.Cluster;

using System.Globalization;

/// <summary>
/// The part of a validator node's Akka configuration that <see cref="ClusterOptions"/> decides: the cluster
/// provider, where remoting listens, the seed nodes and roles. Failure detection, the split-brain resolver
/// and the other tuning live in hocon/defaults/akka.conf, where an operator reads and overrides them.
/// </summary>
public static class ClusterHocon
{
    public static string For(ClusterOptions options, string systemName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seeds = options.SeedNodes.Select(s =>
        {
            ClusterOptions.TryParseHostPort(s, out var host, out var port);
            return $"\"akka.tcp://{systemName}@{host}:{port.ToString(CultureInfo.InvariantCulture)}\"";
        });
        return $$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp {
              hostname = "{{options.Hostname}}"
              port = {{options.Port.ToString(CultureInfo.InvariantCulture)}}
            }
            akka.cluster {
              seed-nodes = [{{string.Join(", ", seeds)}}]
              roles = [{{string.Join(", ", options.EffectiveRoles.Select(r => $"\"{r}\""))}}]
            }
            """;
    }
}
