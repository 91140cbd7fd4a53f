namespace Sn19.Host.Local;

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sn19.Host.Configuration;

/// <summary>
/// The configuration file of one validator node of a local cluster. The node runs `sn19 validator`, whose layers
/// differ from `sn19 local`'s, so the file carries the local subnet's effective values of every section that shapes
/// scoring (tasks, mechanism, the validator's synthetics and limits, the wire, the engine, logging, Akka, the
/// journal, the organic API's prices and limits), then what is the node's own: its data directory, cluster address and
/// seeds, admin port and token, organic API and dashboard ports, the
/// PostgreSQL journal, the chain's URL and the local signer. Written with mode 0600: it holds the admin token and
/// the database password.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class LocalNodeConfig
{
    private static readonly string[] Carried = ["mechanism", "tasks", "validator", "wire", "inference", "logging", "akka", "persistence", "organic", "dashboard"];

    /// <summary>Sections a node sets for itself, never carried from the local subnet's values.</summary>
    private static readonly string[] Own = ["validator:cluster", "validator:models", "validator:miner-names", "organic:port", "dashboard:port"];

    public static void Write(string path, IConfiguration local, LocalNodeSettings node)
    {
        var text = new StringBuilder();
        text.AppendLine("# Written by `sn19 local --validator-nodes`: this node's configuration. Regenerated on every start.");
        // The local subnet replaces the reference's task list; the validator's defaults would bring it back.
        text.AppendLine("tasks = null");
        foreach (var (key, value) in local.AsEnumerable().Where(e => e.Value is not null && IsCarried(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Line(text, key, value!);
        }

        Line(text, "node:data-dir", node.DataDir);
        Line(text, "validator:models:" + node.ModelName, node.ModelFile);
        foreach (var (hotkey, name) in node.MinerNames)
        {
            Line(text, "validator:miner-names:" + hotkey, name);
        }

        Line(text, "validator:cluster:hostname", "127.0.0.1");
        Line(text, "validator:cluster:port", node.ClusterPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.Append("validator.cluster.seed-nodes = [").AppendJoin(", ", node.SeedNodes.Select(Quote)).AppendLine("]");
        Line(text, "akka:cluster:split-brain-resolver:active-strategy", node.SplitBrainStrategy);
        Line(text, "persistence:provider", "postgres");
        Line(text, "persistence:postgres:connection-string", node.Postgres);
        Line(text, "admin:enabled", "true");
        Line(text, "admin:port", node.AdminPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, "admin:token", node.AdminToken);
        Line(text, "organic:port", node.OrganicPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, "dashboard:port", node.DashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, "chain:url", node.ChainUrl);
        Line(text, "signer:client:socket-path", node.SignerSocket);
        Line(text, "signer:client:token-file", node.SignerTokenFile);
        Line(text, "signer:client:name", LocalSigner.ClientName);
        Line(text, "signer:client:hotkey", LocalSigner.HotkeyName);
        Sn19.Actors.Persistence.PrivateFile.Replace(path, text.ToString());
    }

    private static bool IsCarried(string key) =>
        Carried.Any(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
        && !Own.Any(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase) || key.Equals(s, StringComparison.OrdinalIgnoreCase));

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(ConfigurationKeys.ToPath(key)).Append(" = ").AppendLine(Quote(value));

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
