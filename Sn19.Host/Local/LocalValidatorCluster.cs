namespace Sn19.Host.Local;

using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sn19.Actors.Chain.Local;
using Sn19.Actors.Crypto;
using Sn19.Actors.Hosting;
using Sn19.Actors.Subnet.Validation;
using Sn19.Host.Admin;
using Sn19.Host.Chain;
using Sn19.Host.Cli.Ctl;

/// <summary>
/// The validator of the local subnet as a cluster of <c>N</c> node processes on one PostgreSQL journal, so a newcomer
/// can watch contenders spread over nodes and the singletons move when a node goes:
///   1. serve the local chain over HTTP on loopback and the validator's key through a local signer socket;
///   2. write each node's configuration (<see cref="LocalNodeConfig"/>) and start it as `sn19 validator`;
///   3. print where each node is (pid, cluster address, admin API) and the `sn19 ctl` command to inspect them;
///   4. count closed periods by the weights rounds any live node reports, until the asked number (or Ctrl+C);
///      a node that stops is reported and the others carry on, as a cluster does;
///   5. stop the nodes with SIGTERM (they leave the cluster) and show what the miners served.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class LocalValidatorCluster(
    IConfiguration configuration, LocalOptions options, string dataDir, TextWriter output, ILogger logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>The nodes' forwarded lines arrive on their own threads.</summary>
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    public async Task RunAsync(
        LocalChain chain, Sr25519Keypair validatorKey, string modelFile, TimeSpan period, IReadOnlyList<LocalMiner> miners, int? periods,
        CancellationToken cancellationToken)
    {
        var postgres = options.Postgres.Length > 0 ? options.Postgres : await LocalPostgres.EnsureAsync(cancellationToken);
        await using var chainServer = ChainServer.Build(chain, "127.0.0.1:0");
        await chainServer.StartAsync(cancellationToken);
        var chainUrl = ChainServer.BoundAddress(chainServer);
        await using var signer = LocalSigner.Start(dataDir, validatorKey, logger);
        var tokenFile = Path.GetFullPath(Path.Combine(dataDir, "admin.token"));
        var adminToken = AdminTokenFile.ReadOrCreate(tokenFile);
        var ports = LoopbackPorts.Free(4 * options.ValidatorNodes);
        var seeds = Enumerable.Range(0, options.ValidatorNodes).Select(i => $"127.0.0.1:{ports[i]}").ToArray();

        var nodes = new List<LocalNodeProcess>();
        try
        {
            for (var i = 0; i < options.ValidatorNodes; i++)
            {
                var name = $"node-{i + 1}";
                var nodeDir = Path.GetFullPath(Path.Combine(dataDir, name));
                Directory.CreateDirectory(nodeDir);
                var node = new LocalNodeSettings(
                    name, nodeDir, ports[i], seeds, ports[options.ValidatorNodes + i], adminToken, postgres, chainUrl, signer.SocketPath,
                    signer.TokenFile, options.ModelName, Path.GetFullPath(modelFile), miners.ToDictionary(m => m.Hotkey, m => m.Name),
                    SplitBrainStrategy(options.ValidatorNodes), ports[(2 * options.ValidatorNodes) + i],
                    ports[(3 * options.ValidatorNodes) + i]);
                var configFile = Path.Combine(nodeDir, "node.conf");
                LocalNodeConfig.Write(configFile, configuration, node);
                nodes.Add(LocalNodeProcess.Start(node, configFile, _output));
            }

            Describe(nodes, chainUrl, tokenFile);
            await WaitForPeriodsAsync(nodes, adminToken, new PeriodClock(period), periods, cancellationToken);
        }
        finally
        {
            _output.WriteLine("Stopping the validator nodes ...");
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
            _output.WriteLine("Served by the miners (complete responses since start): " +
                string.Join("; ", miners.Select(m => $"{m.Name}: {m.ServedSummary()}")));
        }
    }

    private void Describe(List<LocalNodeProcess> nodes, string chainUrl, string tokenFile)
    {
        _output.WriteLine($"Validator cluster of {nodes.Count} nodes on PostgreSQL; the chain at {chainUrl}");
        foreach (var node in nodes)
        {
            _output.WriteLine($"  {node.Settings.Name}: pid {node.Pid}, cluster {node.Settings.ClusterAddress}, admin {node.Settings.AdminUrl}");
        }

        _output.WriteLine($"Inspect it: sn19 ctl cluster show --url {nodes[0].Settings.AdminUrl} --token \"$(cat {tokenFile})\"  (also: shards, contenders, weights)");
    }

    /// <summary>
    /// Polls the nodes until the weights rounds of <paramref name="periods"/> periods that started after now are
    /// journaled (forever when null), reporting each node that stops; fails when none is left.
    /// </summary>
    private async Task WaitForPeriodsAsync(List<LocalNodeProcess> nodes, string adminToken, PeriodClock clock, int? periods, CancellationToken cancellationToken)
    {
        var first = clock.IndexAt(DateTimeOffset.UtcNow) + 1;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var clients = nodes.ToDictionary(n => n.Settings.Name, n => AdminClient.Create(new Uri(n.Settings.AdminUrl + "/"), adminToken));
        while (true)
        {
            await Task.Delay(Poll, cancellationToken);
            foreach (var node in nodes.Where(n => n.HasExited && reported.Add(n.Settings.Name)))
            {
                _output.WriteLine($"{node.Settings.Name} stopped (exit code {node.ExitCode}); the other nodes carry on.");
            }

            if (nodes.All(n => n.HasExited))
            {
                throw new InvalidOperationException("every validator node stopped; their output above says why");
            }

            if (periods is not { } wanted)
            {
                continue;
            }

            foreach (var node in nodes.Where(n => !n.HasExited))
            {
                var rounds = await clients[node.Settings.Name].WeightsAsync(wanted + 10, cancellationToken);
                if (rounds.Value is { } answer)
                {
                    if (answer.Rounds.Select(r => r.Round.Period).Where(p => p >= first).Distinct().Count() >= wanted)
                    {
                        return;
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// Keep-majority for three nodes or more; two nodes cannot keep a majority after losing one, so there the side
    /// holding the PostgreSQL lease stays up (lease-majority); a cluster of one has nobody to disagree with.
    /// </summary>
    private static string SplitBrainStrategy(int nodes) => nodes == 2 ? "lease-majority" : "keep-majority";
}
