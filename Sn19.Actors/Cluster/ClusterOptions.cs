namespace Sn19.Actors.Cluster;

using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

/// <summary>
/// How a validator node joins its cluster (<c>validator.cluster</c>): where it listens for the other nodes,
/// the nodes it contacts first, and the roles it takes. With no seed nodes it is a cluster of one.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The roles a node can take.</summary>
    public static readonly IReadOnlySet<string> KnownRoles = new HashSet<string>(StringComparer.Ordinal) { ClusterRoles.Scoring, ClusterRoles.Checker, ClusterRoles.Organic };

    /// <summary>The address the other nodes reach this one at (an IP address or host name).</summary>
    [ConfigurationKeyName("hostname")]
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>The cluster port; 0 picks a free one (a cluster of one needs no fixed port).</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; }

    /// <summary>"host:port" of the nodes to join through; empty: this node forms a cluster of its own.</summary>
    [ConfigurationKeyName("seed-nodes")]
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>The roles this node takes; empty: every role. (Empty by default here because the configuration
    /// binder adds a configured list to a default one instead of replacing it.)</summary>
    [ConfigurationKeyName("roles")]
    public List<string> Roles { get; set; } = [];

    /// <summary>
    /// The models this node has a checker for (from <c>validator.models</c>, set at start, not configured here): with the
    /// checker role it takes the role <see cref="ClusterRoles.ChecksModel"/> of each, so that model's checker region
    /// places its entity only on nodes that have the model.
    /// </summary>
    public IReadOnlyList<string> CheckedModels { get; init; } = [];

    /// <summary>The Akka roles of this node: its roles, and one per model it checks when it has the checker role.</summary>
    public IReadOnlyList<string> AkkaRoles =>
        [.. EffectiveRoles, .. Has(ClusterRoles.Checker) ? CheckedModels.Select(ClusterRoles.ChecksModel) : []];

    /// <summary>This node's options with the models it has checkers for.</summary>
    public ClusterOptions WithCheckedModels(IEnumerable<string> models) => new()
    {
        Hostname = Hostname,
        Port = Port,
        SeedNodes = SeedNodes,
        Roles = Roles,
        CheckedModels = [.. models.Distinct(StringComparer.Ordinal)],
    };

    /// <summary>The roles this node takes, every one when none is named.</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count > 0 ? Roles : [.. KnownRoles.Order(StringComparer.Ordinal)];

    public bool Has(string role) => EffectiveRoles.Contains(role);

    /// <summary>True when a seed node other than this node's own address is named: the cluster has more than one node.</summary>
    public bool HasOtherNodes => SeedNodes.Any(s => !string.Equals(s, $"{Hostname}:{Port}", StringComparison.OrdinalIgnoreCase));

    /// <summary>Problems, each naming its key under <paramref name="section"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Hostname) || Uri.CheckHostName(Hostname) == UriHostNameType.Unknown)
        {
            problems.Add($"{section}.hostname: '{Hostname}' is not a host name or IP address");
        }

        if (Port is < 0 or > 65_535)
        {
            problems.Add($"{section}.port: {Port.ToString(CultureInfo.InvariantCulture)} is not 0-65535");
        }

        foreach (var seed in SeedNodes)
        {
            if (!TryParseHostPort(seed, out _, out _))
            {
                problems.Add($"{section}.seed-nodes: '{seed}' is not host:port");
            }
        }

        if (HasOtherNodes && Port == 0)
        {
            problems.Add($"{section}.port: a node of a cluster with seed nodes needs a fixed port, so the others can reach it");
        }

        problems.AddRange(Roles.Where(r => !KnownRoles.Contains(r))
            .Select(r => $"{section}.roles: '{r}' is not a role; known: {string.Join(", ", KnownRoles.Order(StringComparer.Ordinal))}"));
        return problems;
    }

    internal static bool TryParseHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65_535)
        {
            return false;
        }

        host = text[..colon].Trim('[', ']');
        return Uri.CheckHostName(host) != UriHostNameType.Unknown || IPAddress.TryParse(host, out _);
    }
}
